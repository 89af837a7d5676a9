using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// Caps the live pages (Blazor circuits) one account holds open: each costs server memory and live queries, so one
/// account cannot tie up the server by opening tabs. A circuit over the cap is refused as it connects.
/// </summary>
public sealed partial class LiveCircuits(AuthenticationStateProvider authentication, ILogger<LiveCircuits> logger) : CircuitHandler
{
    public const int MaxPerAccount = 10;

    /// <summary>Live connections open at once from one address with nobody signed in (<see cref="AccountRateLimits"/>).</summary>
    public const int MaxAnonymousPerAddress = 10;

    private static readonly ConcurrentDictionary<string, int> Open = new();
    private string? _account;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var account = (await authentication.GetAuthenticationStateAsync()).User.Identity?.Name;
        if (account is null)
        {
            return;
        }
        if (Open.AddOrUpdate(account, 1, (_, n) => n + 1) > MaxPerAccount)
        {
            Open.AddOrUpdate(account, 0, (_, n) => n - 1);
            LogRefused(account, MaxPerAccount);
            throw new InvalidOperationException($"This account has {MaxPerAccount} live pages open already: close one to open another.");
        }
        _account = account;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (_account is { } account)
        {
            Open.AddOrUpdate(account, 0, (_, n) => Math.Max(0, n - 1));
            _account = null;
        }
        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live page for {Account} was refused: {Max} are open already")]
    private partial void LogRefused(string account, int max);
}
