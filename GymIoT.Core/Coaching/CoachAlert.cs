namespace GymIoT.Core.Coaching;

/// <summary>The live alerts of design.md § Coaching.</summary>
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
    /// <summary>How an alert id (and a coach session's key) writes the day, so a day's items share a prefix.</summary>
    public const string DayFormat = "yyyy-MM-dd";

    public string AlertId => $"{DayKey(Day)}#{Kind}#{About}";

    public static string DayKey(DateOnly day) => day.ToString(DayFormat, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A session of a member's day as the coach knows it.</summary>
public sealed record TrainingSession(string ReadingId, string Machine, DateTimeOffset StartedAt, double Minutes);
