using System.Security.Claims;
using GymIoT.Core.Members;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GymIoT.Dashboard.Accounts;

/// <summary>Sign-up and login: ASP.NET Core Identity's password hashing, lockout after five failed logins in a row.</summary>
public sealed partial class AccountService(
    AccountStore accounts,
    IPasswordHasher<Member> hasher,
    TimeProvider timeProvider,
    ILogger<AccountService> logger)
{
    /// <returns>Null when the member is registered, else the message for the form.</returns>
    public async Task<string?> SignUpAsync(SignUpInput input, CancellationToken cancellationToken = default)
    {
        var member = new Member(input.Username, input.Name.Trim(), input.Surname.Trim(), input.Sex!.Value, input.BirthDate!.Value, input.WeightKg!.Value, input.HeightCm!.Value);
        if (!await accounts.RegisterAsync(member, hasher.HashPassword(member, input.Password), cancellationToken))
        {
            return "This username is taken: choose another.";
        }
        LogSignedUp(member.MemberId);
        return null;
    }

    public async Task<LoginOutcome> LoginAsync(string username, string password, CancellationToken cancellationToken = default)
    {
        var credentials = await accounts.FindAsync(username, cancellationToken);
        if (credentials?.PasswordHash is null)
        {
            return new LoginOutcome(null, LoginOutcome.WrongCredentials);
        }
        var now = timeProvider.GetUtcNow();
        if (credentials.LockedUntil > now)
        {
            LogLockedOutAttempt(username);
            return new LoginOutcome(null, LoginOutcome.LockedOut);
        }
        var placeholder = new Member(username, "", "", default, default, 1, 1);
        if (hasher.VerifyHashedPassword(placeholder, credentials.PasswordHash, password) == PasswordVerificationResult.Failed)
        {
            await accounts.RecordFailedLoginAsync(username, now, cancellationToken);
            LogFailedLogin(username, credentials.FailedLogins + 1);
            return new LoginOutcome(null, credentials.FailedLogins + 1 >= AccountStore.MaxFailedLogins ? LoginOutcome.LockedOut : LoginOutcome.WrongCredentials);
        }
        await accounts.RecordSuccessfulLoginAsync(username, cancellationToken);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, username), new Claim(ClaimTypes.Name, username), new Claim(ClaimTypes.Role, credentials.Role.ToString())],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new LoginOutcome(new ClaimsPrincipal(identity), null);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} signed up")]
    private partial void LogSignedUp(string memberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed login for {Username} ({FailedLogins} in a row)")]
    private partial void LogFailedLogin(string username, int failedLogins);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused for {Username}: the account is locked")]
    private partial void LogLockedOutAttempt(string username);
}
