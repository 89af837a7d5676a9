using GymIoT.Core.Queues;
using GymIoT.Core.Readings;

namespace GymIoT.Aggregator.Readings;

/// <summary>What makes a reading believable, whichever format it came in: each rule returns what breaks it, or null.</summary>
internal static class ReadingRules
{
    public static FieldProblem? Amounts(double seconds, double kcal)
    {
        if (seconds < 0)
        {
            return new(RejectionReason.NegativeValue, $"the duration {ReportText.Number(seconds)} s is negative");
        }
        if (seconds == 0)
        {
            return new(RejectionReason.ZeroValue, "the duration is zero");
        }
        if (seconds > ReadingLimits.MaxDuration.TotalSeconds)
        {
            return new(RejectionReason.AbsurdDuration, $"the duration {ReportText.Number(seconds)} s is longer than {ReadingLimits.MaxDuration.TotalHours} hours");
        }
        if (kcal < 0)
        {
            return new(RejectionReason.NegativeValue, $"the calories {ReportText.Number(kcal)} kcal are negative");
        }
        if (kcal == 0)
        {
            return new(RejectionReason.ZeroValue, "the calories are zero");
        }
        var perMinute = kcal / (seconds / 60);
        if (perMinute > ReadingLimits.MaxKcalPerMinute)
        {
            return new(RejectionReason.ImpossibleCalories,
                $"{ReportText.Number(kcal)} kcal in {ReportText.Number(seconds / 60)} min is {ReportText.Number(perMinute)} kcal/min, more than {ReadingLimits.MaxKcalPerMinute}");
        }
        return null;
    }

    public static FieldProblem? HeartRate(int? bpm) =>
        bpm is < ReadingLimits.MinHeartRate or > ReadingLimits.MaxHeartRate
            ? new(RejectionReason.AbsurdHeartRate, $"avgHeartRate {bpm} is outside {ReadingLimits.MinHeartRate}-{ReadingLimits.MaxHeartRate} bpm")
            : null;

    /// <summary>Each value a pulse (30–230 bpm), and at most one per started minute of the session.</summary>
    public static FieldProblem? HeartRatePerMinute(IReadOnlyList<int>? bpm, double seconds)
    {
        if (bpm is null)
        {
            return null;
        }
        var startedMinutes = (int)Math.Ceiling(seconds / 60);
        if (bpm.Count > startedMinutes)
        {
            return new(RejectionReason.AbsurdHeartRate, $"heartRatePerMinute has {bpm.Count} values for a session of {startedMinutes} started minutes");
        }
        var index = bpm.ToList().FindIndex(b => b is < ReadingLimits.MinHeartRatePerMinute or > ReadingLimits.MaxHeartRatePerMinute);
        return index < 0 ? null
            : new(RejectionReason.AbsurdHeartRate, $"heartRatePerMinute[{index}] {bpm[index]} is outside {ReadingLimits.MinHeartRatePerMinute}-{ReadingLimits.MaxHeartRatePerMinute} bpm");
    }

    /// <summary>The session's start and end agree with the duration it reports.</summary>
    public static FieldProblem? Span(DateTimeOffset startedAt, DateTimeOffset endedAt, double seconds)
    {
        if (endedAt < startedAt)
        {
            return new(RejectionReason.EndBeforeStart, $"endedAt {endedAt:O} is before startedAt {startedAt:O}");
        }
        var elapsed = endedAt - startedAt;
        if ((elapsed - TimeSpan.FromSeconds(seconds)).Duration() > ReadingLimits.DurationTolerance)
        {
            return new(RejectionReason.DurationMismatch,
                $"durationSeconds {ReportText.Number(seconds)} does not match endedAt - startedAt = {ReportText.Number(elapsed.TotalSeconds)} s");
        }
        return null;
    }

    public static FieldProblem? Times(DateTimeOffset startedAt, DateTimeOffset endedAt, DateTimeOffset now)
    {
        if (endedAt > now + ReadingLimits.ClockSkew)
        {
            return new(RejectionReason.FutureTimestamp, $"the session ends at {endedAt:O}, in the future");
        }
        if (startedAt < now - ReadingLimits.MaxAge)
        {
            return new(RejectionReason.TooOld, $"the session started at {startedAt:O}, more than {ReadingLimits.MaxAge.TotalDays:0} days ago");
        }
        return null;
    }

    public static FieldProblem? Machine(string machine, string queue)
    {
        if (!QueueNames.Machines.Contains(machine))
        {
            return new(RejectionReason.UnknownMachine, $"machine '{JsonFields.Excerpt(machine)}' is not one of {string.Join(", ", QueueNames.Machines)}");
        }
        if (machine != queue)
        {
            return new(RejectionReason.MachineMismatch, $"a {machine} reading arrived on the {queue} queue");
        }
        return null;
    }
}
