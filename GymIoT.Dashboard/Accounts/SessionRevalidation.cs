using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// An open page (a Blazor circuit) keeps the sign-in it started with; this checks it again as often as a cookie is
/// (<see cref="SessionCheck"/>), so a page whose session ended turns to the log-in page instead of staying signed in.
/// </summary>
public sealed partial class SessionRevalidation(SessionCheck check, IOptions<AccountSessionOptions> options, ILoggerFactory loggerFactory)
    : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<SessionRevalidation>();

    protected override TimeSpan RevalidationInterval => options.Value.CheckEvery;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        var current = await check.IsCurrentAsync(authenticationState.User, cancellationToken);
        if (!current)
        {
            LogSignedOut(_logger, authenticationState.User.Identity?.Name);
        }
        return current;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "An open page of {Account} is signed out: its session no longer stands")]
    private static partial void LogSignedOut(ILogger logger, string? account);
}
