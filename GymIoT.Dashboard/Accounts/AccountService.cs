using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// Sign-up and login: ASP.NET Core Identity's password hashing; at most five password attempts per account in five minutes,
/// counted before the password is checked, and a lock for five minutes after the fifth wrong one. Outside Development the
/// demo accounts cannot log in, whatever a Development run left in the store.
/// </summary>
public sealed partial class AccountService(
    AccountStore accounts,
    IPasswordHasher<Member> hasher,
    IHostEnvironment environment,
    TimeProvider timeProvider,
    ILogger<AccountService> logger)
{
    private static readonly Member Placeholder = new("placeholder", "", "", default, default, 1, 1);

    /// <summary>Checked when there is no hash to check against, so an unknown username costs what a known one does.</summary>
    private readonly Lazy<string> _dummyHash = new(() => hasher.HashPassword(Placeholder, Convert.ToBase64String(RandomNumberGenerator.GetBytes(16))));

    /// <returns>Null when the member is registered, else the message for the form.</returns>
    public async Task<string?> SignUpAsync(SignUpInput input, CancellationToken cancellationToken = default)
    {
        if (IsDemoAccount(input.Username))
        {
            return "This username is reserved: choose another.";
        }
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
        var now = timeProvider.GetUtcNow();
        var attempt = Identifiers.IsValid(username) && !IsDemoAccountOutsideDevelopment(username)
            ? await accounts.BeginLoginAttemptAsync(username, now, cancellationToken)
            : LoginAttempt.UnknownMember;
        if (attempt.Kind == LoginAttemptKind.LockedOut)
        {
            LogLockedOutAttempt(Fingerprint(username));
            return new LoginOutcome(null, LoginOutcome.LockedOut);
        }

        var hash = attempt.Credentials?.PasswordHash;
        var verified = hasher.VerifyHashedPassword(Placeholder, hash ?? _dummyHash.Value, password) != PasswordVerificationResult.Failed && hash is not null;
        if (!verified)
        {
            if (attempt.Kind == LoginAttemptKind.Granted && attempt.IsLast)
            {
                await accounts.LockAsync(username, now, cancellationToken);
            }
            LogFailedLogin(Fingerprint(username), attempt.Number);
            return new LoginOutcome(null, attempt.IsLast ? LoginOutcome.LockedOut : LoginOutcome.WrongCredentials);
        }
        if (!await accounts.EndSuccessfulLoginAsync(username, now, cancellationToken))
        {
            LogLockedOutAttempt(Fingerprint(username));
            return new LoginOutcome(null, LoginOutcome.LockedOut);
        }
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, username), new Claim(ClaimTypes.Name, username), new Claim(ClaimTypes.Role, attempt.Credentials!.Role.ToString())],
            CookieAuthenticationDefaults.AuthenticationScheme);
        return new LoginOutcome(new ClaimsPrincipal(identity), null);
    }

    private static bool IsDemoAccount(string username) => DemoAccountSeeder.Accounts.Any(a => a.MemberId == username);

    private bool IsDemoAccountOutsideDevelopment(string username) => !environment.IsDevelopment() && IsDemoAccount(username);

    /// <summary>Who failed, for the log, without writing what was typed (it may be a password typed in the wrong field).</summary>
    private static string Fingerprint(string username) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(username)))[..12];

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} signed up")]
    private partial void LogSignedUp(string memberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed login for username #{UsernameHash} (attempt {Attempt} in this window)")]
    private partial void LogFailedLogin(string usernameHash, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused for username #{UsernameHash}: the account is locked")]
    private partial void LogLockedOutAttempt(string usernameHash);
}
