using System.Net;
using System.Security.Cryptography;
using System.Text;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;
using GymIoT.Dashboard.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// Sign-up and login: ASP.NET Core Identity's password hashing; attempts counted before the password is checked
/// (<see cref="AccountThrottles"/>: five per username and address in five minutes, the fifth wrong one locking that
/// username at that address, and twenty per username from anywhere in fifteen), the same for a username that names no
/// account; a ceiling on the gym's sign-ups. Outside Development the demo accounts cannot log in, whatever a Development
/// run left in the store.
/// </summary>
public sealed partial class AccountService(
    AccountStore accounts,
    AccountSessionStore sessions,
    ThrottleStore throttles,
    IPasswordHasher<Member> hasher,
    IOptions<AccountRateLimitOptions> limits,
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
        var signUps = AccountThrottles.SignUps(limits.Value);
        var now = timeProvider.GetUtcNow();
        if (!(await throttles.TakeAsync(signUps, AccountThrottles.EveryoneIn(signUps, now), now, cancellationToken)).Granted)
        {
            LogSignUpsFull(signUps.Limit);
            return "The gym takes no more sign-ups for now: try again in an hour, or ask at the front desk.";
        }
        var member = new Member(input.Username, input.Name.Trim(), input.Surname.Trim(), input.Sex!.Value, input.BirthDate!.Value, input.WeightKg!.Value, input.HeightCm!.Value);
        if (!await accounts.RegisterAsync(member, hasher.HashPassword(member, input.Password), cancellationToken))
        {
            return "This username is taken: choose another.";
        }
        LogSignedUp(member.MemberId);
        return null;
    }

    /// <param name="address">The client's address, as the trusted load balancer saw it.</param>
    public async Task<LoginOutcome> LoginAsync(string username, string password, IPAddress? address, CancellationToken cancellationToken = default)
    {
        var (credentials, error) = await CheckPasswordAsync(username, password, address, cancellationToken);
        if (credentials is null)
        {
            return new LoginOutcome(null, error);
        }
        // Said only to whoever knows the password.
        if (credentials.Locked)
        {
            LogLockedAccount(username);
            return new LoginOutcome(null, LoginOutcome.AccountLocked);
        }
        var sessionId = await sessions.StartAsync(username, timeProvider.GetUtcNow(), cancellationToken);
        return new LoginOutcome(SessionClaims.For(username, credentials.Role, sessionId), null);
    }

    /// <summary>
    /// Checks a password under the login attempts' limits (a member confirming who they are counts as a login attempt).
    /// </summary>
    /// <returns>The account when the password is right, else why not, in the words of <see cref="LoginOutcome"/>.</returns>
    public async Task<(Credentials? Account, string? Error)> CheckPasswordAsync(string username, string password, IPAddress? address, CancellationToken cancellationToken = default)
    {
        var now = timeProvider.GetUtcNow();
        var here = AccountThrottles.LoginsFromOneAddress.KeyOf(username, address?.ToString() ?? "");
        var anywhere = AccountThrottles.LoginsFromAnywhere.KeyOf(username);
        var atAddress = await throttles.TakeAsync(AccountThrottles.LoginsFromOneAddress, here, now, cancellationToken);
        if (!atAddress.Granted)
        {
            LogLockedOutAttempt(Fingerprint(username));
            return (null, LoginOutcome.LockedOut);
        }
        if (!(await throttles.TakeAsync(AccountThrottles.LoginsFromAnywhere, anywhere, now, cancellationToken)).Granted)
        {
            await throttles.GiveBackAsync(here, now, cancellationToken);
            LogTooManyFromAnywhere(Fingerprint(username));
            return (null, LoginOutcome.TooManyFromAnywhere);
        }

        var credentials = Identifiers.IsValid(username) && !IsDemoAccountOutsideDevelopment(username)
            ? await accounts.FindAsync(username, cancellationToken)
            : null;
        var hash = credentials?.PasswordHash;
        var verified = hasher.VerifyHashedPassword(Placeholder, hash ?? _dummyHash.Value, password) != PasswordVerificationResult.Failed && hash is not null;
        if (!verified)
        {
            if (atAddress.IsLast(AccountThrottles.LoginsFromOneAddress))
            {
                await throttles.LockAsync(here, now + AccountThrottles.Lockout, cancellationToken);
            }
            LogFailedLogin(Fingerprint(username), atAddress.Number);
            return (null, atAddress.IsLast(AccountThrottles.LoginsFromOneAddress) ? LoginOutcome.LockedOut : LoginOutcome.WrongCredentials);
        }
        // A right password gives its attempts back, unless the username was locked here meanwhile by other attempts.
        if (!await throttles.GiveBackAsync(here, now, cancellationToken))
        {
            LogLockedOutAttempt(Fingerprint(username));
            return (null, LoginOutcome.LockedOut);
        }
        await throttles.GiveBackAsync(anywhere, now, cancellationToken);
        return (credentials, null);
    }

    private static bool IsDemoAccount(string username) => DemoAccountSeeder.Accounts.Any(a => a.MemberId == username);

    private bool IsDemoAccountOutsideDevelopment(string username) => !environment.IsDevelopment() && IsDemoAccount(username);

    /// <summary>Who failed, for the log, without writing what was typed (it may be a password typed in the wrong field).</summary>
    private static string Fingerprint(string username) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(username)))[..12];

    [LoggerMessage(Level = LogLevel.Information, Message = "Member {MemberId} signed up")]
    private partial void LogSignedUp(string memberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A sign-up was refused: the gym took its {Limit} of the hour")]
    private partial void LogSignUpsFull(int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed login for username #{UsernameHash} (attempt {Attempt} from this address in this window)")]
    private partial void LogFailedLogin(string usernameHash, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused for username #{UsernameHash}: locked at this address")]
    private partial void LogLockedOutAttempt(string usernameHash);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused for {MemberId}: staff locked the account")]
    private partial void LogLockedAccount(string memberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Login refused for username #{UsernameHash}: too many attempts from every address together")]
    private partial void LogTooManyFromAnywhere(string usernameHash);
}
