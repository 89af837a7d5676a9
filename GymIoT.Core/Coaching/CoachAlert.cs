namespace GymIoT.Core.Coaching;

/// <summary>The live alerts the coach raises while a member trains.</summary>
public enum AlertKind
{
    /// <summary>A session on a machine that is not the card's next step.</summary>
    OutOfSequence,

    /// <summary>Today's minutes on a machine of the card exceed that step's minutes.</summary>
    OverTime,

    /// <summary>Today's minutes exceed the card's daily cap.</summary>
    OverDailyCap,
}

/// <summary>
/// One alert for a member. Its id names its cause (local day, kind and what it is about: the session, the machine, or
/// nothing for the daily cap), so however often a cause is seen, it is raised once.
/// </summary>
public sealed record CoachAlert(string MemberId, DateOnly Day, AlertKind Kind, string About, string Message, string ReadingId)
{
    /// <summary>Starts with the day, so a day's alerts share a key prefix.</summary>
    public string AlertId => $"{Storage.StoredDate.Of(Day)}#{Kind}#{About}";
}

/// <summary>A session of a member's day as the coach knows it; the heart rate of each started minute when the sensor sent it.</summary>
public sealed record TrainingSession(string ReadingId, string Machine, DateTimeOffset StartedAt, double Minutes, IReadOnlyList<int>? HeartRatePerMinute = null);
