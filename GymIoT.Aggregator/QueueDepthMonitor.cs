using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using GymIoT.Core.Messaging;
using GymIoT.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GymIoT.Aggregator;

/// <summary>Publishes the depth of every queue and dead-letter queue as the gauge <c>gymiot.queue.depth</c>, read every 10 s.</summary>
public sealed partial class QueueDepthMonitor : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, long> _depths = new();
    private readonly QueueDepths _queues;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<QueueDepthMonitor> _logger;

    public QueueDepthMonitor(QueueDepths queues, ServiceTelemetry telemetry, TimeProvider timeProvider, ILogger<QueueDepthMonitor> logger)
    {
        (_queues, _timeProvider, _logger) = (queues, timeProvider, logger);
        telemetry.Meter.CreateObservableGauge(
            "gymiot.queue.depth",
            () => _depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("queue", d.Key))),
            "{message}",
            "Messages waiting in each queue (approximate, as SQS reports it).");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var depth in await _queues.ReadAsync(stoppingToken))
                {
                    _depths[depth.Queue] = depth.Waiting;
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDepthUnavailable(ex);
            }
            try
            {
                await Task.Delay(Interval, _timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Queue depths could not be read")]
    private partial void LogDepthUnavailable(Exception exception);
}
