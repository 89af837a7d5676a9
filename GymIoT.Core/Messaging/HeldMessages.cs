using System.Collections.Concurrent;
using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;
using GymIoT.Core.Aws;

namespace GymIoT.Core.Messaging;

/// <summary>
/// Keeps the messages a consumer holds (received, waiting for a batch, being handled) invisible to other receivers until
/// it is done with them, however slow the handling is. Without it a message held longer than the visibility timeout is
/// delivered again while still in hand: the work doubles exactly when the store is slowest, and after five such
/// deliveries SQS moves a message that was never faulty to the dead-letter queue. Extensions go ten to a call, as SQS allows.
/// </summary>
public sealed partial class HeldMessages(IAmazonSQS sqs, ConsumerSettings settings, TimeProvider timeProvider, ILogger<HeldMessages> logger)
{
    private sealed record Held(string QueueUrl, string ReceiptHandle, DateTimeOffset InvisibleUntil);

    private readonly ConcurrentDictionary<string, Held> _held = new();

    private TimeSpan Visibility => settings.Visibility;

    /// <summary>Messages held now.</summary>
    public int Count => _held.Count;

    /// <param name="requestedAt">When the receive that returned it was asked for: its invisibility began no earlier.</param>
    public void Hold(ReceivedMessage message, DateTimeOffset requestedAt) =>
        _held[message.ReceiptHandle] = new Held(message.QueueUrl, message.ReceiptHandle, requestedAt + Visibility);

    /// <summary>Done with these: deleted, or left for SQS to deliver again when their invisibility ends.</summary>
    public void Release(IEnumerable<ReceivedMessage> messages)
    {
        foreach (var message in messages)
        {
            _held.TryRemove(message.ReceiptHandle, out _);
        }
    }

    /// <summary>
    /// Extends the invisibility of the held messages, half the timeout before it ends, until stopped. Looked at every sixth
    /// of the timeout, a message is extended with at least a third of it left: the time a round of calls has.
    /// </summary>
    public async Task KeepInvisibleAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Visibility / 6, timeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await ExtendDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>
    /// Extension calls in flight at once. A consumer can hold thousands of messages (the aggregator's two batches of 2,000
    /// and its buffer): one call after another, a round took longer than the third of the timeout it has, and the
    /// messages at its end came back while still in hand, each time one receive nearer the dead-letter queue.
    /// </summary>
    private const int ConcurrentExtensions = 16;

    /// <summary>Gives every held message whose invisibility ends within half the timeout a full timeout more.</summary>
    public async Task ExtendDueAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        // Due at a third, a message could be looked at just before it was due and next with only a sixth left: under load
        // a round of calls outlasted that, and 300 held messages came back while in hand (CI, 2026-12-02).
        var due = _held.Values.Where(h => h.InvisibleUntil - now < Visibility / 2).ToList();
        var chunks = due.GroupBy(h => h.QueueUrl).SelectMany(queue => queue.Chunk(AwsLimits.SqsBatchEntries));
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = ConcurrentExtensions, CancellationToken = cancellationToken }, async (chunk, token) =>
        {
            var sentAt = timeProvider.GetUtcNow();
            try
            {
                var response = await sqs.ChangeMessageVisibilityBatchAsync(new ChangeMessageVisibilityBatchRequest
                {
                    QueueUrl = chunk[0].QueueUrl,
                    Entries = [.. chunk.Select((h, i) => new ChangeMessageVisibilityBatchRequestEntry($"{i}", h.ReceiptHandle) { VisibilityTimeout = settings.VisibilityTimeoutSeconds })],
                }, token);
                foreach (var extended in response.Successful ?? [])
                {
                    var held = chunk[int.Parse(extended.Id, System.Globalization.CultureInfo.InvariantCulture)];
                    _held.TryUpdate(held.ReceiptHandle, held with { InvisibleUntil = sentAt + Visibility }, held);
                }
                if (response.Failed is { Count: > 0 } failed)
                {
                    // Deleted meanwhile, most likely; otherwise SQS delivers them again, and the aggregates know them.
                    LogNotExtended(failed.Count, failed[0].Message);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogExtendFailed(ex, chunk.Length);
            }
        });
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Count} held messages were not kept invisible: {Reason}")]
    private partial void LogNotExtended(int count, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not keep {Count} held messages invisible; SQS may deliver them again")]
    private partial void LogExtendFailed(Exception exception, int count);
}
