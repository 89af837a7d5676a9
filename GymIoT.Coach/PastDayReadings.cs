namespace GymIoT.Coach;

/// <summary>
/// When the coach last saw a reading of a past day: history sent late, or readings delivered after midnight. The month-end
/// review waits until they stop, so it judges a month with all its readings in.
/// </summary>
public sealed class PastDayReadings(TimeProvider timeProvider)
{
    private readonly DateTimeOffset _started = timeProvider.GetUtcNow();
    private long _lastSeenTicks;

    public void Seen() => Interlocked.Exchange(ref _lastSeenTicks, timeProvider.GetUtcNow().UtcTicks);

    /// <summary>How long since the last one (or since the coach started, if later).</summary>
    public TimeSpan QuietFor()
    {
        var last = Interlocked.Read(ref _lastSeenTicks);
        var since = last > _started.UtcTicks ? new DateTimeOffset(last, TimeSpan.Zero) : _started;
        return timeProvider.GetUtcNow() - since;
    }
}
