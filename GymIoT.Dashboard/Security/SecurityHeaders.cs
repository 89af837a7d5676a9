namespace GymIoT.Dashboard.Security;

/// <summary>
/// The headers every response carries: scripts only from the dashboard itself (Blazor's and the charts' files; no inline
/// script, no eval), styles from itself and inline (the charts and Blazor's reconnect notice set styles in the page), no
/// framing by anyone (clickjacking), no guessing of content types, and no address sent on to other sites (a
/// confirmation link's token is in its query).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["X-Frame-Options"] = "DENY",
        ["Referrer-Policy"] = "no-referrer",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
        ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()",
    };

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                foreach (var (name, value) in All)
                {
                    context.Response.Headers[name] = value;
                }
                return Task.CompletedTask;
            });
            await next(context);
        });
}
