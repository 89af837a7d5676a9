using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;
using GymIoT.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymIoT.Tests.Dashboard;

/// <summary>Accounts against the real Members table.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class AccountServiceTests(PlatformFixture fixture) : IDisposable
{
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();

    private AccountService Accounts(string environment = "Development", IPasswordHasher<Member>? hasher = null) =>
        new(new AccountStore(_dynamoDb, new MemberStore(_dynamoDb)), hasher ?? new PasswordHasher<Member>(), new HostingEnvironment { EnvironmentName = environment },
            TimeProvider.System, NullLogger<AccountService>.Instance);

    private static SignUpInput NewMember() => new()
    {
        Username = $"acc{Guid.NewGuid():N}"[..12], Name = "Sara", Surname = "Greco", Sex = Sex.Female, BirthDate = new DateOnly(1995, 6, 1),
        WeightKg = 58, HeightCm = 163, Password = "correct horse", ConfirmPassword = "correct horse",
    };

    [Fact]
    public async Task A_new_member_can_log_in_and_the_password_is_stored_only_as_a_hash()
    {
        var input = NewMember();
        var accounts = Accounts();

        Assert.Null(await accounts.SignUpAsync(input));
        var outcome = await accounts.LoginAsync(input.Username, "correct horse");

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(input.Username, outcome.Principal!.Identity!.Name);
        Assert.True(outcome.Principal.IsInRole(Roles.Member));
        var stored = await new AccountStore(_dynamoDb, new MemberStore(_dynamoDb)).FindAsync(input.Username);
        Assert.DoesNotContain("correct horse", stored!.PasswordHash);
    }

    [Fact]
    public async Task A_taken_username_is_refused()
    {
        var input = NewMember();
        var accounts = Accounts();
        await accounts.SignUpAsync(input);

        Assert.Equal("This username is taken: choose another.", await accounts.SignUpAsync(input));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        var input = NewMember();
        var accounts = Accounts();
        await accounts.SignUpAsync(input);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(LoginOutcome.WrongCredentials, (await accounts.LoginAsync(input.Username, "wrong")).Error);
        }
        Assert.Equal(LoginOutcome.LockedOut, (await accounts.LoginAsync(input.Username, "wrong")).Error);
        var withRightPassword = await accounts.LoginAsync(input.Username, "correct horse");

        Assert.False(withRightPassword.Succeeded);
        Assert.Equal(LoginOutcome.LockedOut, withRightPassword.Error);
    }

    [Fact]
    public async Task An_unknown_username_gets_the_same_answer_as_a_wrong_password()
    {
        Assert.Equal(LoginOutcome.WrongCredentials, (await Accounts().LoginAsync("nobody-here", "whatever")).Error);
    }

    [Fact]
    public async Task Forty_parallel_wrong_logins_get_at_most_five_passwords_checked_and_the_right_one_among_them_does_not_unlock()
    {
        var input = NewMember();
        var hasher = new CountingHasher();
        var accounts = Accounts(hasher: hasher);
        await accounts.SignUpAsync(input);
        hasher.Verified = 0;

        var burst = Enumerable.Range(0, 40).Select(i => accounts.LoginAsync(input.Username, i == 20 ? "correct horse" : $"wrong {i}")).ToList();
        var outcomes = await Task.WhenAll(burst);

        // A right password that gets in gives its attempt back, so one more may be checked: never a sixth wrong guess.
        Assert.True(hasher.Refused <= AccountStore.MaxFailedLogins, $"{hasher.Refused} wrong passwords were checked");
        Assert.True(hasher.Verified <= AccountStore.MaxFailedLogins + 1, $"{hasher.Verified} passwords were checked");
        Assert.True(outcomes.Count(o => o.Error == LoginOutcome.LockedOut) >= 35, "the burst was not locked out");
        // The right password counts only when it was one of the five checked before the lock; it never lifts a lock.
        if (outcomes[20].Succeeded)
        {
            Assert.Equal(LoginOutcome.LockedOut, (await accounts.LoginAsync(input.Username, "wrong again")).Error);
        }
        Assert.Equal(LoginOutcome.LockedOut, (await accounts.LoginAsync(input.Username, "correct horse")).Error);
    }

    [Fact]
    public async Task An_unknown_username_costs_a_password_check_like_a_known_one()
    {
        var hasher = new CountingHasher();

        await Accounts(hasher: hasher).LoginAsync("nobody-at-all", "whatever");

        Assert.Equal(1, hasher.Verified);
    }

    [Fact]
    public async Task A_2_KB_username_is_a_wrong_login_not_an_error()
    {
        var outcome = await Accounts().LoginAsync(new string('u', 2048), "whatever");

        Assert.Equal(LoginOutcome.WrongCredentials, outcome.Error);
    }

    [Fact]
    public async Task Outside_Development_the_demo_accounts_cannot_log_in_even_when_a_Development_run_left_them_in_the_store()
    {
        // The platform's dashboard runs in Development and seeds them.
        var store = new AccountStore(_dynamoDb, new MemberStore(_dynamoDb));
        await Eventually.ValueAsync(() => store.FindAsync(DemoMembers.Staff.MemberId), found => found?.PasswordHash is not null, TimeSpan.FromSeconds(60));

        var production = await Accounts("Production").LoginAsync(DemoMembers.Staff.MemberId, new DemoAccountOptions().Password);

        Assert.Equal(LoginOutcome.WrongCredentials, production.Error);
        Assert.True((await Accounts().LoginAsync(DemoMembers.Staff.MemberId, new DemoAccountOptions().Password)).Succeeded, "the demo password is right in Development");
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("Development")]
    public async Task Nobody_can_sign_up_under_a_demo_accounts_name(string environment)
    {
        var input = NewMember();
        input.Username = DemoMembers.Staff.MemberId;

        Assert.Equal("This username is reserved: choose another.", await Accounts(environment).SignUpAsync(input));
    }

    private sealed class CountingHasher : IPasswordHasher<Member>
    {
        private readonly PasswordHasher<Member> _hasher = new();
        private int _verified;
        private int _refused;

        public int Verified { get => _verified; set => _verified = value; }

        /// <summary>Checks that found the password wrong.</summary>
        public int Refused => _refused;

        public string HashPassword(Member user, string password) => _hasher.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Member user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verified);
            var result = _hasher.VerifyHashedPassword(user, hashedPassword, providedPassword);
            if (result == PasswordVerificationResult.Failed)
            {
                Interlocked.Increment(ref _refused);
            }
            return result;
        }
    }

    public void Dispose() => _dynamoDb.Dispose();
}
