using System.Globalization;
using GymIoT.Core.Coaching;
using GymIoT.Core.Time;

namespace GymIoT.Dashboard.Home;

/// <summary>Today's heart rate, minute by minute across the day's sessions, over the member's zones.</summary>
public static class HeartRateTrend
{
    public const string Title = "Heart rate today";

    /// <summary>The chart, or null when no session of today carried a heart rate.</summary>
    public static ChartSpec? Of(IReadOnlyList<TrainingSession> sessions, int age, GymCalendar calendar)
    {
        var minutes = sessions
            .Where(s => s.HeartRatePerMinute is { Count: > 0 })
            .OrderBy(s => s.StartedAt)
            .SelectMany(s => s.HeartRatePerMinute!.Select((bpm, i) => (At: calendar.LocalTime(s.StartedAt.AddMinutes(i)), Bpm: bpm)))
            .ToList();
        if (minutes.Count == 0)
        {
            return null;
        }
        return new ChartSpec(Title, "line",
            [.. minutes.Select(m => m.At.ToString("HH:mm", CultureInfo.InvariantCulture))],
            [new("bpm", [.. minutes.Select(m => (decimal)m.Bpm)])],
            [.. HeartRateZones.For(age).Select(z => new ChartBand($"zone {z.Number} · {z.Name}", (decimal)z.FromBpm, (decimal)z.ToBpm))]);
    }
}
