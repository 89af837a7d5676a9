using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Logging;

namespace GymIoT.Core.Messaging;

/// <summary>
/// What every GymIoT queue consumer is built on. Polls follow one another, pausing longer after each failure; on stop no
/// new poll starts and the ones under way get their time to answer (<see cref="StartPolling"/>). What a poll receives is
/// held invisible (<see cref="HeldMessages"/>) until it is deleted or let go, and carries the trace and baggage it was sent
/// with. A service keeps only what is its own: how it gathers messages into batches and what it does with them.
/// </summary>
public sealed partial class QueueConsumer(
    IAmazonSQS sqs,
    QueueDirectory queues,
    HeldMessages held,
    ConsumerSettings settings,
    TimeProvider timeProvider,
    ILogger<QueueConsumer> logger)
{
    /// <summary>SQS returns at most ten messages a receive.</summary>
    public const int MaxMessagesPerReceive = GymIoT.Core.Aws.AwsLimits.SqsMaxReceiveMessages;

    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    public ConsumerSettings Settings => settings;

    /// <summary>When polls may end: dispose it once the consumer has stopped.</summary>
    public PollingLifetime StartPolling(CancellationToken stoppingToken) => new(stoppingToken, settings.WaitTimeSeconds);

    /// <summary>Keeps what is held invisible until cancelled: run it beside the polls, and cancel it once the last batch is done.</summary>
    public Task KeepInvisibleAsync(CancellationToken cancellationToken) => held.KeepInvisibleAsync(cancellationToken);

    /// <summary>
    /// Runs <paramref name="poll"/> again and again until <paramref name="stoppingToken"/> is cancelled, pausing after each
    /// failure (250 ms, doubling, up to 10 s); returns when stopping, or when <paramref name="pollToken"/> ends the polls.
    /// </summary>
    public async Task PollAsync(string queue, Func<CancellationToken, Task> poll, CancellationToken stoppingToken, CancellationToken pollToken)
    {
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await poll(pollToken);
                failures = 0;
            }
            catch (OperationCanceledException) when (pollToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                failures++;
                var backoff = TimeSpan.FromMilliseconds(Math.Min(MaxBackoff.TotalMilliseconds, 250 * Math.Pow(2, Math.Min(failures, 10))));
                LogPollFailed(ex, queue, backoff.TotalSeconds);
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

    /// <summary>Receives up to <paramref name="maxMessages"/> (at most ten), waiting up to <paramref name="waitSeconds"/>; what it returns is held.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> ReceiveAsync(string queue, int maxMessages, int waitSeconds, CancellationToken pollToken)
    {
        var url = await queues.UrlOfAsync(queue, pollToken);
        var requestedAt = timeProvider.GetUtcNow();
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = url,
            MaxNumberOfMessages = Math.Clamp(maxMessages, 1, MaxMessagesPerReceive),
            WaitTimeSeconds = waitSeconds,
            VisibilityTimeout = settings.VisibilityTimeoutSeconds,
            MessageAttributeNames = ["All"],
            MessageSystemAttributeNames = ["SentTimestamp", "ApproximateReceiveCount"],
        }, pollToken);
        var received = new List<ReceivedMessage>(response.Messages?.Count ?? 0);
        foreach (var message in response.Messages ?? [])
        {
            var context = TraceContext.Extract(message);
            var taken = new ReceivedMessage(queue, url, message.MessageId, message.ReceiptHandle, message.Body ?? "", context.ActivityContext, SentAt(message), context.Baggage);
            held.Hold(taken, requestedAt);
            received.Add(taken);
        }
        return received;
    }

    /// <summary>
    /// Deletes handled messages (ten a call) and lets go of them. Returns how many could not be deleted: those come back
    /// once their invisibility ends, and the consumer must recognise them (GymIoT's do, by id).
    /// </summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<ReceivedMessage> handled, CancellationToken cancellationToken)
    {
        var notDeleted = 0;
        foreach (var queue in handled.GroupBy(m => m.QueueUrl))
        {
            notDeleted += await sqs.DeleteAsync(queue.Key, [.. queue.Select(m => m.ReceiptHandle)], cancellationToken);
        }
        held.Release(handled);
        return notDeleted;
    }

    /// <summary>Lets go of messages without deleting them: SQS delivers them again once their invisibility ends.</summary>
    public void Release(IEnumerable<ReceivedMessage> messages) => held.Release(messages);

    private DateTimeOffset SentAt(Message message) =>
        message.Attributes?.TryGetValue("SentTimestamp", out var sent) == true && long.TryParse(sent, out var milliseconds)
            ? DateTimeOffset.FromUnixTimeMilliseconds(milliseconds)
            : timeProvider.GetUtcNow();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Polling {Queue} failed; trying again in {BackoffSeconds} s")]
    private partial void LogPollFailed(Exception exception, string queue, double backoffSeconds);
}
