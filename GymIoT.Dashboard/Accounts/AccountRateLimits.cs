using System.ComponentModel.DataAnnotations;
using System.Threading.RateLimiting;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// How often one client address may post the account forms (section <c>AccountLimits</c>), per minute, and the ceilings
/// that hold whatever the address. Per username, the login attempts of <see cref="AccountThrottles"/> apply on top.
/// </summary>
public sealed class AccountRateLimitOptions
{
    public const string SectionName = "AccountLimits";

    [Range(1, 10_000)]
    public int LoginsPerMinute { get; set; } = 20;

    [Range(1, 10_000)]
    public int SignUpsPerMinute { get; set; } = 10;

    [Range(1, 10_000)]
    public int LogoutsPerMinute { get; set; } = 20;

    /// <summary>Sign-ups the gym takes in an hour from every address together: no crowd of addresses makes accounts in bulk.</summary>
    [Range(1, 1_000_000)]
    public int SignUpsPerHour { get; set; } = 200;

    /// <summary>Confirmation emails the gym sends in an hour in all, so that its mail server is never made a spam relay.</summary>
    [Range(1, 1_000_000)]
    public int ConfirmationMailsPerHour { get; set; } = 100;
}

/// <summary>
/// The limiter of the account forms' posts (a fixed window per form and client address) and of live connections nobody
/// signed in to (at most <see cref="LiveCircuits.MaxAnonymousPerAddress"/> open at once per address; a signed-in account
/// has its own cap, <see cref="LiveCircuits.MaxPerAccount"/>); everything else is unlimited.
/// </summary>
public static class AccountRateLimits
{
    public const string Refusal = "Too many attempts from your address: wait a minute, then try again.";

    /// <summary>The connection a live page (Blazor circuit) holds open while it lives.</summary>
    private const string LiveConnectionPath = "/_blazor";

    public static PartitionedRateLimiter<HttpContext> Create(AccountRateLimitOptions options) =>
        PartitionedRateLimiter.Create<HttpContext, string>(context =>
        {
            // An export reads everything a member has: one at a time an account.
            if ((context.Request.Path.Value ?? "").StartsWith("/account/export", StringComparison.OrdinalIgnoreCase) && context.User.Identity?.Name is { } exporter)
            {
                return RateLimitPartition.GetConcurrencyLimiter($"export|{exporter}", _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = 0 });
            }
            if (context.User.Identity?.IsAuthenticated != true && context.Request.Path.Equals(LiveConnectionPath, StringComparison.OrdinalIgnoreCase))
            {
                return RateLimitPartition.GetConcurrencyLimiter(
                    $"live|{context.Connection.RemoteIpAddress}",
                    _ => new ConcurrencyLimiterOptions { PermitLimit = LiveCircuits.MaxAnonymousPerAddress, QueueLimit = 0 });
            }
            // Keyed by the form, not by the path as sent, so "/Account/Login/" shares the window of "/account/login".
            (string Form, int Permits)? limit = !HttpMethods.IsPost(context.Request.Method) ? null : context.Request.Path.Value?.TrimEnd('/').ToLowerInvariant() switch
            {
                "/account/login" => ("login", options.LoginsPerMinute),
                "/account/signup" => ("signup", options.SignUpsPerMinute),
                "/account/logout" => ("logout", options.LogoutsPerMinute),
                _ => null,
            };
            return limit is var (form, permits)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    $"{form}|{context.Connection.RemoteIpAddress}",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("unlimited");
        });
}
