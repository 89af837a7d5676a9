using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// Whether a signed-in principal still stands: its session is there, and its account exists, is not locked and has the
/// role the cookie claims. Each answer is kept for <see cref="AccountSessionOptions.CheckEvery"/>, so a replica asks the
/// store about a session at most that often; a session this replica ends, or whose account it locks, deletes or gives
/// another role, is refused here at once.
/// </summary>
public sealed class SessionCheck(AccountSessionStore sessions, IOptions<AccountSessionOptions> options, TimeProvider timeProvider)
{
    /// <summary>Past this many remembered answers, the stale ones are dropped.</summary>
    private const int Remembered = 10_000;

    private readonly ConcurrentDictionary<string, (bool Current, DateTimeOffset CheckedAt, string MemberId)> _answers = new();

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        if (SessionClaims.Of(principal) is not var (memberId, role, sessionId))
        {
            return false;
        }
        var now = timeProvider.GetUtcNow();
        if (_answers.TryGetValue(sessionId, out var known) && now - known.CheckedAt < options.Value.CheckEvery)
        {
            return known.Current;
        }
        var (account, exists) = await sessions.ReadAsync(memberId, sessionId, cancellationToken);
        var current = exists && account is { Locked: false } && account.Role.ToString() == role;
        if (_answers.Count >= Remembered)
        {
            foreach (var stale in _answers.Where(a => now - a.Value.CheckedAt >= options.Value.CheckEvery))
            {
                _answers.TryRemove(stale.Key, out _);
            }
        }
        _answers[sessionId] = (current, now, memberId);
        return current;
    }

    /// <summary>Ends the principal's session: its cookie works nowhere from now on (on other replicas, within the check time).</summary>
    public async Task EndAsync(ClaimsPrincipal? principal, CancellationToken cancellationToken = default)
    {
        if (SessionClaims.Of(principal) is var (memberId, _, sessionId))
        {
            await sessions.EndAsync(memberId, sessionId, cancellationToken);
            _answers[sessionId] = (false, timeProvider.GetUtcNow(), memberId);
        }
    }

    /// <summary>Asks the store again about every session of the account at its next request (its grounds just changed here).</summary>
    public void Forget(string memberId)
    {
        foreach (var answer in _answers.Where(a => a.Value.MemberId == memberId))
        {
            _answers.TryRemove(answer.Key, out _);
        }
    }
}
