using GymIoT.Core.Coaching;

namespace GymIoT.Dashboard.Home;

/// <summary>
/// The alerts a member's open page shows as toasts: every alert raised since the page opened, until dismissed, the most
/// serious first (over the day's cap, then over time, then out of sequence) and, of a kind, the latest first. One
/// reading may raise several at once, and the advice to stop must not hide behind another.
/// </summary>
public sealed class AlertToasts
{
    private readonly List<RaisedAlert> _shown = [];

    public IReadOnlyList<RaisedAlert> Shown => _shown;

    public void Add(IEnumerable<RaisedAlert> raised)
    {
        _shown.AddRange(raised.Where(alert => _shown.All(shown => shown.AlertId != alert.AlertId)));
        _shown.Sort((a, b) => Seriousness(b.Kind).CompareTo(Seriousness(a.Kind)) is var bySeriousness and not 0 ? bySeriousness : b.RaisedAt.CompareTo(a.RaisedAt));
    }

    public void Dismiss(string alertId) => _shown.RemoveAll(alert => alert.AlertId == alertId);

    private static int Seriousness(AlertKind kind) => kind switch
    {
        AlertKind.OverDailyCap => 3,
        AlertKind.OverTime => 2,
        _ => 1,
    };
}
