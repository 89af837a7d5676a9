using System.Net;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Security;

/// <summary>
/// A session cookie against two dashboard replicas, as behind the load balancer. It stood for its eight sliding hours
/// whatever happened: a copy of a logged-out cookie still signed its holder in, and a staff member whose role was
/// removed kept the staff pages.
/// </summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(ReplicaCollection.Name)]
public sealed class SessionRevocationTests(ReplicaFixture fixture) : IDisposable
{
    private static readonly TimeSpan WithinTheCheckTime = TimeSpan.FromSeconds(ReplicaFixture.SessionCheckSeconds * 3);

    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();

    [Fact]
    public async Task A_logged_out_cookie_replayed_is_refused_by_the_replica_it_logged_out_of_and_by_the_other()
    {
        var (first, second) = await ReplicasAsync();
        var username = $"out{Guid.NewGuid():N}"[..13];
        using var session = new DashboardSession(first);
        await session.SignUpAsync(username, "a long password");
        await session.LogInAsync(username, "a long password");
        var copied = session.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await DashboardSession.ReplayAsync(first, copied, "/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DashboardSession.ReplayAsync(second, copied, "/profile")).StatusCode);

        await session.LogOutAsync();

        Assert.Equal(HttpStatusCode.Redirect, (await DashboardSession.ReplayAsync(first, copied, "/profile")).StatusCode);
        await Eventually.ValueAsync(async () => (await DashboardSession.ReplayAsync(second, copied, "/profile")).StatusCode, s => s == HttpStatusCode.Redirect, WithinTheCheckTime);
    }

    [Fact]
    public async Task A_staff_cookie_stops_working_on_every_replica_once_the_role_is_removed()
    {
        var (first, second) = await ReplicasAsync();
        var username = $"stf{Guid.NewGuid():N}"[..13];
        using var session = new DashboardSession(first);
        await session.SignUpAsync(username, "a long password");
        var accounts = new AccountStore(_dynamoDb, new MemberStore(_dynamoDb));
        await accounts.SetRoleAsync(username, MemberRole.Staff);
        await session.LogInAsync(username, "a long password");
        var cookie = session.CookieHeader;
        Assert.Equal(HttpStatusCode.OK, (await DashboardSession.ReplayAsync(first, cookie, "/staff")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await DashboardSession.ReplayAsync(second, cookie, "/staff")).StatusCode);

        await accounts.SetRoleAsync(username, MemberRole.Member);

        foreach (var replica in new[] { first, second })
        {
            var refused = await Eventually.ValueAsync(async () => await DashboardSession.ReplayAsync(replica, cookie, "/staff"), r => r.StatusCode == HttpStatusCode.Redirect, WithinTheCheckTime);
            Assert.Contains("/account/login", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
        }
    }

    private async Task<(Uri First, Uri Second)> ReplicasAsync()
    {
        var replicas = await fixture.ReplicasOfAsync("dashboard", CancellationToken.None);
        return (new Uri(fixture.DashboardReplicaUrl(replicas[0])), new Uri(fixture.DashboardReplicaUrl(replicas[1])));
    }

    public void Dispose() => _dynamoDb.Dispose();
}
