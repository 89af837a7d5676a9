using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Accounts;
using GymIoT.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymIoT.Tests.Dashboard;

/// <summary>Accounts against the real Members table.</summary>
[Collection(PlatformCollection.Name)]
public sealed class AccountServiceTests(PlatformFixture fixture) : IDisposable
{
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();

    private AccountService Accounts() =>
        new(new AccountStore(_dynamoDb, new MemberStore(_dynamoDb)), new PasswordHasher<Member>(), TimeProvider.System, NullLogger<AccountService>.Instance);

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

    public void Dispose() => _dynamoDb.Dispose();
}
