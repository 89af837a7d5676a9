namespace GymIoT.Core.Members;

/// <summary>What logging in needs to know about a member: the password hash, the role and the lockout state.</summary>
public sealed record Credentials(string MemberId, string? PasswordHash, MemberRole Role, int FailedLogins, DateTimeOffset? LockedUntil);
