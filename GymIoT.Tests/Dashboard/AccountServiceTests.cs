using System.Net;
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

namespace GymIoT.Tests.Dashboard;

/// <summary>Accounts against the real Members and Throttles tables.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class AccountServiceTests(PlatformFixture fixture) : IDisposable
{
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();

    /// <summary>Where the tests' logins come from, unless a test says otherwise.</summary>
    private static readonly IPAddress Here = IPAddress.Parse("198.51.100.1");

    private AccountService Accounts(string environment = "Development", IPasswordHasher<Member>? hasher = null, AccountRateLimitOptions? limits = null, TimeProvider? clock = null) =>
        new(new AccountStore(_dynamoDb, new MemberStore(_dynamoDb)), new AccountSessionStore(_dynamoDb), new ThrottleStore(_dynamoDb), hasher ?? new PasswordHasher<Member>(),
            Options.Create(limits ?? new AccountRateLimitOptions()), new HostingEnvironment { EnvironmentName = environment },
            clock ?? TimeProvider.System, NullLogger<AccountService>.Instance);

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
        var outcome = await accounts.LoginAsync(input.Username, "correct horse", Here);

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
    public async Task Five_wrong_passwords_lock_the_username_at_that_address_even_against_the_right_one_and_nowhere_else()
    {
        var input = NewMember();
        var accounts = Accounts();
        await accounts.SignUpAsync(input);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            Assert.Equal(LoginOutcome.WrongCredentials, (await accounts.LoginAsync(input.Username, "wrong", Here)).Error);
        }
        Assert.Equal(LoginOutcome.LockedOut, (await accounts.LoginAsync(input.Username, "wrong", Here)).Error);
        var withRightPassword = await accounts.LoginAsync(input.Username, "correct horse", Here);

        Assert.False(withRightPassword.Succeeded);
        Assert.Equal(LoginOutcome.LockedOut, withRightPassword.Error);
        // The stranger's five guesses locked their own address, not the member at theirs.
        Assert.True((await accounts.LoginAsync(input.Username, "correct horse", IPAddress.Parse("198.51.100.2"))).Succeeded);
    }

    [Fact]
    public async Task A_username_that_names_no_account_answers_each_wrong_password_as_one_that_does()
    {
        var input = NewMember();
        var accounts = Accounts();
        await accounts.SignUpAsync(input);

        var known = new List<string?>();
        var unknown = new List<string?>();
        for (var attempt = 1; attempt <= 7; attempt++)
        {
            known.Add((await accounts.LoginAsync(input.Username, "wrong", Here)).Error);
            unknown.Add((await accounts.LoginAsync(input.Username + "x", "wrong", Here)).Error);
        }

        Assert.Equal(known, unknown);
        Assert.Equal(LoginOutcome.LockedOut, known[4]);
    }

    [Fact]
    public async Task A_spray_from_many_addresses_gets_twenty_guesses_at_one_username_known_or_not()
    {
        var input = NewMember();
        var accounts = Accounts();
        await accounts.SignUpAsync(input);

        foreach (var username in new[] { input.Username, input.Username + "x" })
        {
            var answers = new List<string?>();
            for (var address = 1; address <= 6; address++)
            {
                for (var guess = 0; guess < 4; guess++)
                {
                    answers.Add((await accounts.LoginAsync(username, $"guess {guess}", IPAddress.Parse($"203.0.113.{address}"))).Error);
                }
            }

            Assert.Equal(AccountThrottles.LoginsFromAnywhere.Limit, answers.Count(a => a == LoginOutcome.WrongCredentials));
            Assert.All(answers.Skip(AccountThrottles.LoginsFromAnywhere.Limit), a => Assert.Equal(LoginOutcome.TooManyFromAnywhere, a));
        }
    }

    [Fact]
    public async Task The_gym_takes_its_hours_sign_ups_from_every_address_together_and_refuses_the_rest_with_the_reason()
    {
        // An hour of its own, far from the other tests' hours, so that only this test's sign-ups count in it.
        var clock = new FakeTimeProvider(new DateTimeOffset(2900, 1, 1, 0, 0, 0, TimeSpan.Zero).AddHours(Random.Shared.Next(100_000)));
        var accounts = Accounts(limits: new AccountRateLimitOptions { SignUpsPerHour = 3 }, clock: clock);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => accounts.SignUpAsync(NewMember())));

        Assert.Equal(3, answers.Count(a => a is null));
        Assert.All(answers.Where(a => a is not null), a => Assert.StartsWith("The gym takes no more sign-ups for now", a, StringComparison.Ordinal));
        clock.Advance(TimeSpan.FromHours(1));
        Assert.Null(await accounts.SignUpAsync(NewMember()));
    }

    [Fact]
    public async Task An_unknown_username_gets_the_same_answer_as_a_wrong_password()
    {
        Assert.Equal(LoginOutcome.WrongCredentials, (await Accounts().LoginAsync("nobody-here", "whatever", Here)).Error);
    }

    [Fact]
    public async Task Forty_parallel_wrong_logins_get_at_most_five_passwords_checked_and_the_right_one_among_them_does_not_unlock()
    {
        var input = NewMember();
        var hasher = new CountingHasher();
        var accounts = Accounts(hasher: hasher);
        await accounts.SignUpAsync(input);
        hasher.Verified = 0;

        var burst = Enumerable.Range(0, 40).Select(i => accounts.LoginAsync(input.Username, i == 20 ? "correct horse" : $"wrong {i}", Here)).ToList();
        var outcomes = await Task.WhenAll(burst);

        // A right password that gets in gives its attempt back, so one more may be checked: never a sixth wrong guess.
        Assert.True(hasher.Refused <= AccountThrottles.LoginsFromOneAddress.Limit, $"{hasher.Refused} wrong passwords were checked");
        Assert.True(hasher.Verified <= AccountThrottles.LoginsFromOneAddress.Limit + 1, $"{hasher.Verified} passwords were checked");
        Assert.True(outcomes.Count(o => o.Error == LoginOutcome.LockedOut) >= 35, "the burst was not locked out");
        // The right password counts only when it was one of the five checked before the lock; it never lifts a lock.
        if (outcomes[20].Succeeded)
        {
            Assert.Equal(LoginOutcome.LockedOut, (await accounts.LoginAsync(input.Username, "wrong again", Here)).Error);
        }
        Assert.Equal(LoginOutcome.LockedOut, (await accounts.LoginAsync(input.Username, "correct horse", Here)).Error);
    }

    [Fact]
    public async Task An_unknown_username_costs_a_password_check_like_a_known_one()
    {
        var hasher = new CountingHasher();

        await Accounts(hasher: hasher).LoginAsync("nobody-at-all", "whatever", Here);

        Assert.Equal(1, hasher.Verified);
    }

    [Fact]
    public async Task A_2_KB_username_is_a_wrong_login_not_an_error()
    {
        var outcome = await Accounts().LoginAsync(new string('u', 2048), "whatever", Here);

        Assert.Equal(LoginOutcome.WrongCredentials, outcome.Error);
    }

    [Fact]
    public async Task Outside_Development_the_demo_accounts_cannot_log_in_even_when_a_Development_run_left_them_in_the_store()
    {
        // The platform's dashboard runs in Development and seeds them.
        var store = new AccountStore(_dynamoDb, new MemberStore(_dynamoDb));
        await Eventually.ValueAsync(() => store.FindAsync(DemoMembers.Staff.MemberId), found => found?.PasswordHash is not null, TimeSpan.FromSeconds(60));

        var production = await Accounts("Production").LoginAsync(DemoMembers.Staff.MemberId, new DemoAccountOptions().Password, Here);

        Assert.Equal(LoginOutcome.WrongCredentials, production.Error);
        Assert.True((await Accounts().LoginAsync(DemoMembers.Staff.MemberId, new DemoAccountOptions().Password, Here)).Succeeded, "the demo password is right in Development");
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
