using System.Diagnostics.Metrics;
using GymIoT.Core.Readings;
using GymIoT.Core.Telemetry;

namespace GymIoT.Aggregator;

/// <summary>What the aggregator counts: readings stored, rejected (by reason), duplicate, and how long they waited.</summary>
public sealed class AggregatorMetrics(ServiceTelemetry telemetry)
{
    private readonly Counter<long> _processed = telemetry.Meter.CreateCounter<long>(
        "gymiot.readings.processed", "{reading}", "Readings folded into the aggregates.");

    private readonly Counter<long> _rejected = telemetry.Meter.CreateCounter<long>(
        "gymiot.readings.rejected", "{reading}", "Readings refused and reported to the Errors queue, by reason.");

    private readonly Counter<long> _duplicates = telemetry.Meter.CreateCounter<long>(
        "gymiot.readings.duplicate", "{reading}", "Readings delivered again and not counted twice.");

    private readonly Counter<long> _failed = telemetry.Meter.CreateCounter<long>(
        "gymiot.readings.failed", "{reading}", "Readings left for redelivery after a technical failure.");

    private readonly Histogram<double> _lag = telemetry.Meter.CreateHistogram<double>(
        "gymiot.readings.processing_lag", "s", "Time from the sensor's send to the reading being stored.");

    public void Processed(string machine) => _processed.Add(1, new KeyValuePair<string, object?>("machine", machine));

    public void Rejected(RejectionReason reason) => _rejected.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));

    public void Duplicate(string machine) => _duplicates.Add(1, new KeyValuePair<string, object?>("machine", machine));

    public void Failed(int count) => _failed.Add(count);

    public void Lag(TimeSpan lag) => _lag.Record(Math.Max(0, lag.TotalSeconds));
}
