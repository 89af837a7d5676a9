using GymIoT.Core.Members;

namespace GymIoT.Dashboard.Accounts;

/// <summary>What logging in needs to know about a member: the password hash and the role.</summary>
public sealed record Credentials(string MemberId, string? PasswordHash, MemberRole Role);

/// <summary>
/// The answer to a request to try a password: <see cref="LoginAttempt.Granted"/> with the member's credentials and the
/// attempt's number in the current window, or why no password may be tried now.
/// </summary>
public sealed record LoginAttempt(LoginAttemptKind Kind, Credentials? Credentials = null, int Number = 0)
{
    public static readonly LoginAttempt UnknownMember = new(LoginAttemptKind.UnknownMember);
    public static readonly LoginAttempt LockedOut = new(LoginAttemptKind.LockedOut);

    public bool IsLast => Number >= AccountStore.MaxFailedLogins;
}

public enum LoginAttemptKind
{
    Granted,
    UnknownMember,
    LockedOut,
}
