using GymIoT.Core.Coaching;
using Microsoft.Extensions.Caching.Memory;

namespace GymIoT.Coach;

/// <summary>
/// The alerts this coach has raised, or found raised, with their email seen to: a cause seen again (every later session of a
/// day over its cap, say) then costs the store nothing. It only ever spares work that is done; an alert it does not know
/// (after a restart, or one another coach raised) is tried against the store, which raises each once.
/// </summary>
public sealed class SettledAlerts : IDisposable
{
    /// <summary>At most this many are remembered, a few hundred bytes each; past it, an alert is tried against the store.</summary>
    public const int Capacity = 20_000;

    /// <summary>A cause comes back within a member's visit; an alert's id names its day, so a later day never asks for it.</summary>
    private static readonly TimeSpan RememberedFor = TimeSpan.FromHours(3);

    private readonly MemoryCache _settled = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public bool Knows(CoachAlert alert) => _settled.TryGetValue((alert.MemberId, alert.AlertId), out _);

    public void Remember(CoachAlert alert) =>
        _settled.Set((alert.MemberId, alert.AlertId), true, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = RememberedFor });

    public void Dispose() => _settled.Dispose();
}
