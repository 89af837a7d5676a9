using System.Threading.Channels;
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
    QueueConsumer consumer,
    ReadingBatchProcessor processor,
    IOptions<AggregatorOptions> options,
    TimeProvider timeProvider,
    ILogger<AggregatorService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var received = Channel.CreateBounded<ReceivedMessage>(new BoundedChannelOptions(settings.MaxBatchReadings * 2)
        {
            SingleReader = true,
        });

        using var polls = consumer.StartPolling(stoppingToken);
        var receivers = settings.Queues
            .SelectMany(queue => Enumerable.Range(0, settings.ReceiversPerQueue).Select(_ => consumer.PollAsync(
                queue,
                async pollToken =>
                {
                    foreach (var message in await consumer.ReceiveAsync(queue, QueueConsumer.MaxMessagesPerReceive, settings.WaitTimeSeconds, pollToken))
                    {
                        await received.Writer.WriteAsync(message, CancellationToken.None);
                    }
                },
                stoppingToken,
                polls.Token)))
            .ToList();
        _ = Task.WhenAll(receivers).ContinueWith(_ => received.Writer.TryComplete(), TaskScheduler.Default);

        LogStarted(string.Join(", ", settings.Queues), settings.ReceiversPerQueue);
        // Held messages stay invisible until the last batch in hand is finished, also during shutdown.
        using var holding = new CancellationTokenSource();
        var keeping = consumer.KeepInvisibleAsync(holding.Token);
        await StoreBatchesAsync(received.Reader, settings);
        await holding.CancelAsync();
        await keeping;
        LogStopped();
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
                    consumer.Release(batch);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Aggregating readings from {Queues} with {Receivers} receivers per queue")]
    private partial void LogStarted(string queues, int receivers);

    [LoggerMessage(Level = LogLevel.Information, Message = "Aggregator stopped: every batch in hand was finished")]
    private partial void LogStopped();

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} messages failed; they will be delivered again")]
    private partial void LogBatchFailed(Exception exception, int count);
}
