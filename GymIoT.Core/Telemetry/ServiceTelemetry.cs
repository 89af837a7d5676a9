using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GymIoT.Core.Telemetry;

/// <summary>The <see cref="ActivitySource"/> and <see cref="Meter"/> of one service, both named after it (e.g. <c>GymIoT.Aggregator</c>).</summary>
public sealed class ServiceTelemetry(string serviceName) : IDisposable
{
    public string Name { get; } = serviceName;

    public ActivitySource ActivitySource { get; } = new(serviceName);

    public Meter Meter { get; } = new(serviceName);

    public void Dispose()
    {
        ActivitySource.Dispose();
        Meter.Dispose();
    }
}
