using System.Threading.Channels;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Messaging;
using Microsoft.Extensions.Options;

namespace GymIoT.Aggregator;

/// <summary>
/// Long-polls every machine queue with several receivers and gathers what they take into batches across queues,
/// so that readings for the same item are stored in one write; what it holds it keeps invisible until it is done with
/// it. On shutdown it stops receiving and finishes the batches in hand; whatever it had not finished is delivered again
/// by SQS.
/// </summary>
public sealed partial class AggregatorService(
    IAmazonSQS sqs,
    QueueDirectory queues,
    ReadingBatchProcessor processor,
    HeldMessages held,
    IOptions<AggregatorOptions> options,
    TimeProvider timeProvider,
    ILogger<AggregatorService> logger) : BackgroundService
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var received = Channel.CreateBounded<ReceivedMessage>(new BoundedChannelOptions(settings.MaxBatchReadings * 2)
        {
            SingleReader = true,
        });

        using var polls = new PollingLifetime(stoppingToken, settings.WaitTimeSeconds);
        var receivers = settings.Queues
            .SelectMany(queue => Enumerable.Range(0, settings.ReceiversPerQueue).Select(_ => ReceiveAsync(queue, received.Writer, stoppingToken, polls.Token)))
            .ToList();
        _ = Task.WhenAll(receivers).ContinueWith(_ => received.Writer.TryComplete(), TaskScheduler.Default);

        LogStarted(string.Join(", ", settings.Queues), settings.ReceiversPerQueue);
        // Held messages stay invisible until the last batch in hand is finished, also during shutdown.
        using var holding = new CancellationTokenSource();
        var keeping = held.KeepInvisibleAsync(holding.Token);
        await StoreBatchesAsync(received.Reader, settings);
        await holding.CancelAsync();
        await keeping;
        LogStopped();
    }

    private async Task ReceiveAsync(string queue, ChannelWriter<ReceivedMessage> received, CancellationToken stoppingToken, CancellationToken pollToken)
    {
        var settings = options.Value;
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var url = await queues.UrlOfAsync(queue, pollToken);
                var requestedAt = timeProvider.GetUtcNow();
                var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
                {
                    QueueUrl = url,
                    MaxNumberOfMessages = 10,
                    WaitTimeSeconds = settings.WaitTimeSeconds,
                    VisibilityTimeout = settings.VisibilityTimeoutSeconds,
                    MessageAttributeNames = ["All"],
                    MessageSystemAttributeNames = ["SentTimestamp", "ApproximateReceiveCount"],
                }, pollToken);
                failures = 0;
                foreach (var message in response.Messages ?? [])
                {
                    var taken = new ReceivedMessage(queue, url, message, TraceContext.Extract(message), SentAt(message));
                    held.Hold(taken, requestedAt);
                    await received.WriteAsync(taken, CancellationToken.None);
                }
            }
            catch (OperationCanceledException) when (pollToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                LogReceiveFailed(ex, queue, backoff.TotalSeconds);
                try
                {
                    await Task.Delay(backoff, timeProvider, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    /// <summary>Gathers up to <see cref="AggregatorOptions.MaxBatchReadings"/> or for <see cref="AggregatorOptions.FlushIntervalMilliseconds"/>, then stores.</summary>
    private async Task StoreBatchesAsync(ChannelReader<ReceivedMessage> received, AggregatorOptions settings)
    {
        using var slots = new SemaphoreSlim(settings.ConcurrentBatches);
        var inFlight = new List<Task>();
        while (await received.WaitToReadAsync())
        {
            var batch = await GatherAsync(received, settings);
            await slots.WaitAsync();
            inFlight.RemoveAll(t => t.IsCompleted);
            inFlight.Add(Task.Run(async () =>
            {
                try
                {
                    // Batches in hand are finished even during shutdown: deleting them is what keeps them from coming back.
                    await processor.ProcessAsync(batch, CancellationToken.None);
                }
                catch (Exception ex)
                {
                    LogBatchFailed(ex, batch.Count);
                }
                finally
                {
                    held.Release(batch);
                    slots.Release();
                }
            }));
        }
        await Task.WhenAll(inFlight);
    }

    private async Task<List<ReceivedMessage>> GatherAsync(ChannelReader<ReceivedMessage> received, AggregatorOptions settings)
    {
        var batch = new List<ReceivedMessage>(settings.MaxBatchReadings);
        var deadline = timeProvider.GetUtcNow().AddMilliseconds(settings.FlushIntervalMilliseconds);
        while (batch.Count < settings.MaxBatchReadings)
        {
            if (received.TryRead(out var message))
            {
                batch.Add(message);
                continue;
            }
            var remaining = deadline - timeProvider.GetUtcNow();
            if (remaining <= TimeSpan.Zero)
            {
                break;
            }
            using var wait = new CancellationTokenSource(remaining, timeProvider);
            try
            {
                if (!await received.WaitToReadAsync(wait.Token))
                {
                    break;
                }
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return batch;
    }

    private DateTimeOffset SentAt(Message message) =>
        message.Attributes?.TryGetValue("SentTimestamp", out var sent) == true && long.TryParse(sent, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : timeProvider.GetUtcNow();

    [LoggerMessage(Level = LogLevel.Information, Message = "Aggregating readings from {Queues} with {Receivers} receivers per queue")]
    private partial void LogStarted(string queues, int receivers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Aggregator stopped: every batch in hand was finished")]
    private partial void LogStopped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from {Queue} failed; trying again in {BackoffSeconds} s")]
    private partial void LogReceiveFailed(Exception exception, string queue, double backoffSeconds);

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} messages failed; they will be delivered again")]
    private partial void LogBatchFailed(Exception exception, int count);
}
