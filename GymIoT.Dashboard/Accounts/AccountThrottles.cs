using GymIoT.Dashboard.Security;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// The limits of logging in and signing up that hold across every dashboard replica (<see cref="ThrottleStore"/>). A
/// username is counted whether or not it names an account, so the answers never tell which usernames exist.
/// </summary>
public static class AccountThrottles
{
    /// <summary>
    /// Passwords tried for one username from one address: the fifth wrong one locks that username at that address for
    /// <see cref="Lockout"/>. A stranger elsewhere cannot lock the member out.
    /// </summary>
    public static readonly Throttle LoginsFromOneAddress = new("login-at", 5, TimeSpan.FromMinutes(5));

    public static readonly TimeSpan Lockout = TimeSpan.FromMinutes(5);

    /// <summary>Passwords tried for one username from anywhere: what a spray from many addresses gets, at most.</summary>
    public static readonly Throttle LoginsFromAnywhere = new("login", 20, TimeSpan.FromMinutes(15));

    /// <summary>Sign-ups the whole gym takes in an hour, from every address together (<see cref="AccountRateLimitOptions.SignUpsPerHour"/>).</summary>
    public static Throttle SignUps(AccountRateLimitOptions options) => new("sign-ups", options.SignUpsPerHour, TimeSpan.FromHours(1));

    /// <summary>
    /// Confirmation links one email address receives, whichever members ask for them: nobody can flood an inbox by
    /// giving it in one account after another.
    /// </summary>
    public static readonly Throttle LinksToOneAddress = new("links-to", 3, TimeSpan.FromHours(1));

    /// <summary>Confirmation emails the whole gym sends in an hour (<see cref="AccountRateLimitOptions.ConfirmationMailsPerHour"/>).</summary>
    public static Throttle ConfirmationMails(AccountRateLimitOptions options) => new("confirmation-mails", options.ConfirmationMailsPerHour, TimeSpan.FromHours(1));

    /// <summary>The key of a gym-wide counter: one for each hour of the clock.</summary>
    public static string EveryoneIn(Throttle throttle, DateTimeOffset now) =>
        throttle.KeyOf("everyone", now.UtcDateTime.ToString("yyyy-MM-ddTHH", System.Globalization.CultureInfo.InvariantCulture));
}
