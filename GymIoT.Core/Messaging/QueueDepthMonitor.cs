using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Queues;
using GymIoT.Core.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GymIoT.Core.Messaging;

/// <summary>Publishes the depth of every queue and dead-letter queue as the gauge <c>gymiot.queue.depth</c>, read every 10 s.</summary>
public sealed partial class QueueDepthMonitor : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, long> _depths = new();
    private readonly IAmazonSQS _sqs;
    private readonly QueueDirectory _queues;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<QueueDepthMonitor> _logger;

    public QueueDepthMonitor(IAmazonSQS sqs, QueueDirectory queues, ServiceTelemetry telemetry, TimeProvider timeProvider, ILogger<QueueDepthMonitor> logger)
    {
        (_sqs, _queues, _timeProvider, _logger) = (sqs, queues, timeProvider, logger);
        telemetry.Meter.CreateObservableGauge(
            "gymiot.queue.depth",
            () => _depths.Select(d => new Measurement<long>(d.Value, new KeyValuePair<string, object?>("queue", d.Key))),
            "{message}",
            "Messages waiting in each queue (approximate, as SQS reports it).");
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var names = QueueNames.Sources.SelectMany(q => new[] { q, QueueNames.DeadLetterOf(q) }).ToList();
        while (!stoppingToken.IsCancellationRequested)
        {
            foreach (var name in names)
            {
                try
                {
                    var url = await _queues.UrlOfAsync(name, stoppingToken);
                    var attributes = await _sqs.GetQueueAttributesAsync(
                        new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [QueueAttributeName.ApproximateNumberOfMessages] }, stoppingToken);
                    _depths[name] = attributes.ApproximateNumberOfMessages;
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogDepthUnavailable(ex, name);
                }
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

    [LoggerMessage(Level = LogLevel.Debug, Message = "Depth of {Queue} could not be read")]
    private partial void LogDepthUnavailable(Exception exception, string queue);
}
