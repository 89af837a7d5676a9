using GymIoT.Core.Calories;
using GymIoT.Core.Mail;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;
using GymIoT.Dashboard.Security;
using GymIoT.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GymIoT.Tests.Dashboard;

/// <summary>
/// Confirmation links against the real stores and mail catcher. The link started with whatever host the request named,
/// so a member who posted the form with <c>Host: evil.example</c> and a victim's address made the gym's own mail server
/// send the victim a link to evil.example; and one address could be given by account after account.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class EmailLinkLimitsTests(PlatformFixture fixture) : IDisposable
{
    private const string PublicUrl = "https://gym.example.com";

    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();
    private readonly MailInbox _inbox = new(fixture.Endpoint("maildev"));

    [Fact]
    public async Task A_link_starts_with_the_configured_public_address()
    {
        var address = NewAddress();

        Assert.Null(await Confirmation().SendLinkAsync(await NewMemberAsync(), address));

        var mail = Assert.Single(await Eventually.ValueAsync(() => _inbox.ToAsync(address), m => m.Count > 0, TimeSpan.FromSeconds(10)));
        Assert.Contains($"{PublicUrl}/{EmailConfirmation.PagePath}?token=", mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task One_address_gets_three_links_an_hour_whichever_accounts_give_it()
    {
        var address = NewAddress();
        var confirmation = Confirmation();

        var answers = new List<string?>();
        for (var member = 0; member < 5; member++)
        {
            answers.Add(await confirmation.SendLinkAsync(await NewMemberAsync(), member % 2 == 0 ? address : address.ToUpperInvariant()));
        }

        Assert.Equal(AccountThrottles.LinksToOneAddress.Limit, answers.Count(a => a is null));
        Assert.All(answers.Skip(AccountThrottles.LinksToOneAddress.Limit), a => Assert.StartsWith("This address has had 3 confirmation links", a, StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(AccountThrottles.LinksToOneAddress.Limit, (await _inbox.ToAsync(address)).Count);
    }

    [Fact]
    public async Task The_gym_sends_its_hours_confirmation_mails_and_then_says_so()
    {
        // An hour of its own, far from the other tests' hours, so that only this test's mails count in it.
        var clock = new FakeTimeProvider(new DateTimeOffset(2900, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Random.Shared.Next(100_000)));
        var confirmation = Confirmation(new AccountRateLimitOptions { ConfirmationMailsPerHour = 2 }, clock);

        var answers = new List<string?>();
        for (var member = 0; member < 4; member++)
        {
            answers.Add(await confirmation.SendLinkAsync(await NewMemberAsync(), NewAddress()));
        }

        Assert.Equal([null, null], answers.Take(2));
        Assert.All(answers.Skip(2), a => Assert.StartsWith("The gym has sent all the confirmation emails", a, StringComparison.Ordinal));
    }

    private EmailConfirmation Confirmation(AccountRateLimitOptions? limits = null, TimeProvider? clock = null)
    {
        var smtp = fixture.Endpoint("maildev", "smtp");
        return new(
            new EmailLinkTokens(new EphemeralDataProtectionProvider(), TimeProvider.System),
            new MemberStore(_dynamoDb),
            new SmtpMailer(Options.Create(new SmtpOptions { Host = smtp.Host, Port = smtp.Port, Security = SmtpSecurity.None })),
            new ThrottleStore(_dynamoDb),
            Options.Create(new PublicSiteOptions { PublicUrl = PublicUrl }),
            Options.Create(limits ?? new AccountRateLimitOptions()),
            clock ?? TimeProvider.System,
            NullLogger<EmailConfirmation>.Instance);
    }

    private async Task<string> NewMemberAsync()
    {
        var id = $"lnk{Guid.NewGuid():N}"[..14];
        await new MemberStore(_dynamoDb).EnrollAsync(new Member(id, "Link", "Test", Sex.Female, new DateOnly(1990, 1, 1), 60, 165));
        return id;
    }

    private static string NewAddress() => $"to{Guid.NewGuid():N}"[..14] + "@example.com";

    public void Dispose()
    {
        _inbox.Dispose();
        _dynamoDb.Dispose();
    }
}
