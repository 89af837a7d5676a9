namespace GymIoT.Core.Readings;

/// <summary>What a believable reading looks like.</summary>
public static class ReadingLimits
{
    /// <summary>A reading is a few hundred bytes; anything far larger is not a sensor talking.</summary>
    public const int MaxBodyBytes = 16 * 1024;

    public const int MaxJsonDepth = 8;

    /// <summary>A text value (a machine, a time) is short and has no control characters.</summary>
    public const int MaxTextLength = 128;

    /// <summary>A raw value named in an error report is cut to this many characters: a report stays a small message.</summary>
    public const int ReportedValueLength = 64;

    /// <summary>What an unreadable message on <c>Errors</c> said, cut to this many characters for the gym to see.</summary>
    public const int UnreadableReportLength = 200;

    /// <summary>No session on one machine lasts longer than four hours.</summary>
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(4);

    /// <summary>Even an elite athlete does not burn more than this per minute.</summary>
    public const double MaxKcalPerMinute = 25;

    public const int MinHeartRate = 25;
    public const int MaxHeartRate = 250;

    /// <summary>A heart rate per minute is 30–230 bpm: outside it, the sensor lost the pulse.</summary>
    public const int MinHeartRatePerMinute = 30;
    public const int MaxHeartRatePerMinute = 230;

    /// <summary>At most one heart rate per started minute of the longest session.</summary>
    public static int MaxHeartRateSamples => (int)MaxDuration.TotalMinutes;

    /// <summary>Sensor clocks may run a little ahead of ours.</summary>
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>History is back-filled two years deep; readings older than this are a broken clock.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromDays(3 * 366);

    /// <summary>The duration may differ from end minus start by this much (sensors round and pause).</summary>
    public static readonly TimeSpan DurationTolerance = TimeSpan.FromSeconds(60);
}
