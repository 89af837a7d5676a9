namespace GymIoT.Dashboard.Accounts;

/// <summary>Role names in the sign-in cookie, as <see cref="Core.Members.MemberRole"/> names them.</summary>
public static class Roles
{
    public const string Member = nameof(Core.Members.MemberRole.Member);
    public const string Staff = nameof(Core.Members.MemberRole.Staff);
}
