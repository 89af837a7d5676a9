using System.Diagnostics.Metrics;
using GymIoT.Core.Coaching;
using GymIoT.Core.Telemetry;

namespace GymIoT.Coach;

public sealed class CoachMetrics(ServiceTelemetry telemetry)
{
    private readonly Counter<long> _readings = telemetry.Meter.CreateCounter<long>("gymiot.coach.readings", "{reading}", "Stored readings the coach has handled.");
    private readonly Counter<long> _alerts = telemetry.Meter.CreateCounter<long>("gymiot.coach.alerts", "{alert}", "Alerts raised, by kind.");

    public void Handled() => _readings.Add(1);

    public void Raised(AlertKind kind) => _alerts.Add(1, new KeyValuePair<string, object?>("gymiot.alert.kind", kind.ToString()));
}
