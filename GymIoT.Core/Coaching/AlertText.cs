namespace GymIoT.Core.Coaching;

/// <summary>How the pages and the emails name each kind of alert.</summary>
public static class AlertText
{
    public static string Of(AlertKind kind) => kind switch
    {
        AlertKind.OutOfSequence => "Out of sequence",
        AlertKind.OverTime => "Over time",
        AlertKind.OverDailyCap => "Over the daily cap",
        _ => kind.ToString(),
    };
}
