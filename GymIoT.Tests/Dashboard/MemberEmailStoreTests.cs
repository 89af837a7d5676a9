using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Dashboard;

/// <summary>The member's email settings in the <c>Members</c> table, against the embedded DynamoDB.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class MemberEmailStoreTests(PlatformFixture fixture) : IDisposable
{
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();

    [Fact]
    public async Task Forty_link_requests_at_once_let_one_through_and_the_next_one_only_a_minute_later()
    {
        var members = new MemberStore(_dynamoDb);
        var id = $"links-{Guid.NewGuid():N}"[..16];
        await members.EnrollAsync(new Member(id, "L", "R", Sex.Female, new DateOnly(1990, 1, 1), 60, 165));
        var now = DateTimeOffset.UtcNow;

        var granted = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => members.RequestEmailAsync(id, $"a{i}@example.com", now)));

        Assert.Single(granted, g => g);
        Assert.False(await members.RequestEmailAsync(id, "late@example.com", now + EmailAddressRules.LinkInterval - TimeSpan.FromSeconds(1)));
        Assert.True(await members.RequestEmailAsync(id, "later@example.com", now + EmailAddressRules.LinkInterval));
        var email = await members.EmailAsync(id);
        Assert.Equal(("later@example.com", false), (email.Address, email.Confirmed));
    }

    [Fact]
    public async Task A_confirmation_counts_only_for_the_address_the_member_still_has_and_alert_emails_need_an_address()
    {
        var members = new MemberStore(_dynamoDb);
        var id = $"conf-{Guid.NewGuid():N}"[..16];
        await members.EnrollAsync(new Member(id, "C", "F", Sex.Male, new DateOnly(1990, 1, 1), 80, 180));

        Assert.False(await members.SetAlertEmailsAsync(id, on: true));
        Assert.True(await members.RequestEmailAsync(id, "old@example.com", DateTimeOffset.UtcNow.AddMinutes(-2)));
        Assert.True(await members.RequestEmailAsync(id, "new@example.com", DateTimeOffset.UtcNow));
        Assert.False(await members.ConfirmEmailAsync(id, "old@example.com"));
        Assert.True(await members.ConfirmEmailAsync(id, "new@example.com"));
        Assert.True(await members.SetAlertEmailsAsync(id, on: true));
        Assert.True((await members.EmailAsync(id)).SendsAlerts);

        Assert.True(await members.RemoveEmailAsync(id));
        var removed = await members.EmailAsync(id);
        Assert.Equal(((string?)null, false, false), (removed.Address, removed.Confirmed, removed.AlertsOn));
    }

    public void Dispose() => _dynamoDb.Dispose();
}
