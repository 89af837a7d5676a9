using GymIoT.Core.Members;

namespace GymIoT.Dashboard.Accounts;

/// <summary>What logging in needs to know about a member: the password hash, the role, and whether staff locked the account.</summary>
public sealed record Credentials(string MemberId, string? PasswordHash, MemberRole Role, bool Locked);
