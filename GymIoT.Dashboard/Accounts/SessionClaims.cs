using System.Security.Claims;

namespace GymIoT.Dashboard.Accounts;

/// <summary>What a session cookie says: the account, its role when it signed in, and the server-side session it belongs to.</summary>
public static class SessionClaims
{
    public const string SessionId = "gymiot:session";

    public static ClaimsPrincipal For(string memberId, Core.Members.MemberRole role, string sessionId) =>
        new(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, memberId),
                new Claim(ClaimTypes.Name, memberId),
                new Claim(ClaimTypes.Role, role.ToString()),
                new Claim(SessionId, sessionId),
            ],
            Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme));

    public static (string MemberId, string Role, string SessionId)? Of(ClaimsPrincipal? principal) =>
        principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value is { } member
        && principal.FindFirst(ClaimTypes.Role)?.Value is { } role
        && principal.FindFirst(SessionId)?.Value is { } session
            ? (member, role, session)
            : null;
}
