using System.Security.Claims;
using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;
using GymIoT.Dashboard.Security;
using GymIoT.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace GymIoT.Tests.Security;

/// <summary>
/// A signed-in session against the real stores, on a fake clock. A session cookie stood for its whole eight sliding hours
/// whatever happened: logged out (a copy of the cookie still worked), the staff role removed, the account locked.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class SessionCheckTests(PlatformFixture fixture) : IDisposable
{
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly AccountSessionOptions _options = new() { SessionCheckSeconds = 60 };

    [Fact]
    public async Task A_staff_session_stops_within_the_check_time_once_the_role_is_removed()
    {
        var (principal, memberId) = await SignedInAsync(MemberRole.Staff);
        var check = Check();
        Assert.True(await check.IsCurrentAsync(principal));

        await Accounts.SetRoleAsync(memberId, MemberRole.Member);

        _clock.Advance(_options.CheckEvery);
        Assert.False(await check.IsCurrentAsync(principal));
    }

    [Fact]
    public async Task A_locked_or_deleted_account_has_no_session_left_within_the_check_time()
    {
        var (principal, memberId) = await SignedInAsync(MemberRole.Member);
        var check = Check();
        Assert.True(await check.IsCurrentAsync(principal));

        await Accounts.SetLockedAsync(memberId, locked: true);
        _clock.Advance(TimeSpan.FromSeconds(_options.SessionCheckSeconds - 1));
        Assert.True(await check.IsCurrentAsync(principal), "the answer is kept for the check time");
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False(await check.IsCurrentAsync(principal));

        await Accounts.SetLockedAsync(memberId, locked: false);
        Assert.True(await Check().IsCurrentAsync(principal), "unlocked, the session stands again");
        await _dynamoDb.DeleteItemAsync(Core.Storage.TableNames.Members, new() { [Core.Storage.KeyNames.MemberId] = new() { S = memberId } });
        Assert.False(await Check().IsCurrentAsync(principal));
    }

    [Fact]
    public async Task A_session_logged_out_is_refused_at_once_here_and_within_the_check_time_on_another_replica()
    {
        var (principal, _) = await SignedInAsync(MemberRole.Member);
        var (here, elsewhere) = (Check(), Check());
        Assert.True(await here.IsCurrentAsync(principal));
        Assert.True(await elsewhere.IsCurrentAsync(principal));

        await here.EndAsync(principal);

        Assert.False(await here.IsCurrentAsync(principal));
        _clock.Advance(_options.CheckEvery);
        Assert.False(await elsewhere.IsCurrentAsync(principal));
    }

    [Fact]
    public async Task A_replica_that_locks_an_account_refuses_its_sessions_at_once()
    {
        var (principal, memberId) = await SignedInAsync(MemberRole.Member);
        var check = Check();
        Assert.True(await check.IsCurrentAsync(principal));

        await Accounts.SetLockedAsync(memberId, locked: true);
        check.Forget(memberId);

        Assert.False(await check.IsCurrentAsync(principal));
    }

    [Fact]
    public async Task A_cookie_without_a_session_or_with_a_made_up_one_is_refused()
    {
        var (principal, memberId) = await SignedInAsync(MemberRole.Member);
        var madeUp = SessionClaims.For(memberId, MemberRole.Member, "0123456789abcdef0123456789abcdef");
        var older = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, memberId), new Claim(ClaimTypes.Role, "Member")], "Cookies"));

        Assert.False(await Check().IsCurrentAsync(madeUp));
        Assert.False(await Check().IsCurrentAsync(older));
        Assert.False(await Check().IsCurrentAsync(SessionClaims.For(memberId, MemberRole.Staff, SessionClaims.Of(principal)!.Value.SessionId)), "a cookie claiming another role");
    }

    [Fact]
    public async Task A_locked_account_is_told_so_only_with_its_right_password()
    {
        var (_, memberId) = await SignedInAsync(MemberRole.Member);
        await Accounts.SetLockedAsync(memberId, locked: true);

        Assert.Equal(LoginOutcome.WrongCredentials, (await Service().LoginAsync(memberId, "wrong", System.Net.IPAddress.Loopback)).Error);
        Assert.Equal(LoginOutcome.AccountLocked, (await Service().LoginAsync(memberId, "a long password", System.Net.IPAddress.Loopback)).Error);
    }

    private AccountStore Accounts => new(_dynamoDb, new MemberStore(_dynamoDb));

    private SessionCheck Check() => new(new AccountSessionStore(_dynamoDb), Options.Create(_options), _clock);

    private AccountService Service() =>
        new(Accounts, new AccountSessionStore(_dynamoDb), new ThrottleStore(_dynamoDb), new PasswordHasher<Member>(), Options.Create(new AccountRateLimitOptions()),
            new HostingEnvironment { EnvironmentName = "Development" }, _clock, NullLogger<AccountService>.Instance);

    private async Task<(ClaimsPrincipal Principal, string MemberId)> SignedInAsync(MemberRole role)
    {
        var memberId = $"ses{Guid.NewGuid():N}"[..13];
        var member = new Member(memberId, "Sam", "Sessions", Sex.Male, new DateOnly(1990, 3, 3), 75, 178, role);
        await Accounts.RegisterAsync(member, new PasswordHasher<Member>().HashPassword(member, "a long password"));
        var outcome = await Service().LoginAsync(memberId, "a long password", System.Net.IPAddress.Loopback);
        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.True(outcome.Principal!.IsInRole(role.ToString()));
        return (outcome.Principal, memberId);
    }

    public void Dispose() => _dynamoDb.Dispose();
}
