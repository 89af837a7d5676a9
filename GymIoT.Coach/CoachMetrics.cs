using System.Diagnostics.Metrics;
using GymIoT.Core.Coaching;
using GymIoT.Core.Telemetry;

namespace GymIoT.Coach;

public sealed class CoachMetrics(ServiceTelemetry telemetry)
{
    private readonly Counter<long> _readings = telemetry.Meter.CreateCounter<long>("gymiot.coach.readings", "{reading}", "Stored readings the coach has handled.");
    private readonly Counter<long> _alerts = telemetry.Meter.CreateCounter<long>("gymiot.coach.alerts", "{alert}", "Alerts raised, by kind.");

    private readonly Counter<long> _emails = telemetry.Meter.CreateCounter<long>("gymiot.coach.alert_emails", "{email}", "Alert emails to members, by outcome (sent, failed).");

    public void Handled() => _readings.Add(1);

    public void Emailed() => _emails.Add(1, new KeyValuePair<string, object?>("gymiot.email.outcome", "sent"));

    public void EmailFailed() => _emails.Add(1, new KeyValuePair<string, object?>("gymiot.email.outcome", "failed"));

    private readonly Counter<long> _reviews = telemetry.Meter.CreateCounter<long>("gymiot.coach.month_reviews", "{member}", "Members whose month the month-end review has judged (again, on a repeated run), by verdict and whether they moved down.");

    public void Raised(AlertKind kind) => _alerts.Add(1, new KeyValuePair<string, object?>("gymiot.alert.kind", kind.ToString()));

    public void Reviewed(IEnumerable<MonthReview> reviews)
    {
        foreach (var group in reviews.GroupBy(r => (r.Verdict, Down: r.LevelDownCardId is not null)))
        {
            _reviews.Add(group.Count(),
                new KeyValuePair<string, object?>("gymiot.month.verdict", group.Key.Verdict.ToString()),
                new KeyValuePair<string, object?>("gymiot.month.level_down", group.Key.Down));
        }
    }
}
