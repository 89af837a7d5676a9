using GymIoT.Core.Coaching;
using GymIoT.Dashboard.Home;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Dashboard;

/// <summary>The toasts of an open page: it showed only the latest alert of those raised together.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class AlertToastsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 8, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Alerts_raised_together_all_show_the_most_serious_first()
    {
        var toasts = new AlertToasts();

        toasts.Add([Alert("a", AlertKind.OutOfSequence, 0), Alert("b", AlertKind.OverDailyCap, 0), Alert("c", AlertKind.OverTime, 0)]);

        Assert.Equal([AlertKind.OverDailyCap, AlertKind.OverTime, AlertKind.OutOfSequence], toasts.Shown.Select(t => t.Kind));
    }

    [Fact]
    public void A_later_alert_joins_the_others_in_its_place_and_each_goes_when_dismissed()
    {
        var toasts = new AlertToasts();
        toasts.Add([Alert("a", AlertKind.OutOfSequence, 0), Alert("b", AlertKind.OverDailyCap, 0)]);

        toasts.Add([Alert("c", AlertKind.OutOfSequence, 5), Alert("a", AlertKind.OutOfSequence, 0)]);
        Assert.Equal(["b", "c", "a"], toasts.Shown.Select(t => t.AlertId));

        toasts.Dismiss("b");
        Assert.Equal(["c", "a"], toasts.Shown.Select(t => t.AlertId));
    }

    private static RaisedAlert Alert(string id, AlertKind kind, int minutes) =>
        new(id, DateOnly.FromDateTime(Now.UtcDateTime), kind, $"{kind} message", Now.AddMinutes(minutes));
}
