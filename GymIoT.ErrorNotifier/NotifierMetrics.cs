using System.Diagnostics.Metrics;
using GymIoT.Core.Telemetry;

namespace GymIoT.ErrorNotifier;

/// <summary>Notifications sent and failed, per channel.</summary>
public sealed class NotifierMetrics(ServiceTelemetry telemetry)
{
    private readonly Counter<long> _sent = telemetry.Meter.CreateCounter<long>(
        "gymiot.notifications.sent", "{report}", "Error reports delivered, per channel.");

    private readonly Counter<long> _failed = telemetry.Meter.CreateCounter<long>(
        "gymiot.notifications.failed", "{attempt}", "Delivery attempts that failed, per channel.");

    public void Sent(string channel, int reports) => _sent.Add(reports, new KeyValuePair<string, object?>("channel", channel));

    public void Failed(string channel) => _failed.Add(1, new KeyValuePair<string, object?>("channel", channel));
}
