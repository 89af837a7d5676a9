using System.Security.Claims;

namespace GymIoT.Dashboard.Accounts;

/// <summary>The result of a login: the member signed in, or why not (the same words for a wrong username as a wrong password).</summary>
public sealed record LoginOutcome(ClaimsPrincipal? Principal, string? Error)
{
    public const string WrongCredentials = "The username or the password is wrong.";
    public const string LockedOut = "Too many failed logins from here: wait 5 minutes, then try again.";
    public const string AccountLocked = "This account is locked: ask the gym's staff.";
    public const string TooManyFromAnywhere = "This username has had too many login attempts for now: try again in 15 minutes.";

    public bool Succeeded => Principal is not null;
}
