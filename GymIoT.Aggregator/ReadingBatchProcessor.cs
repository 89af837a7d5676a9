using System.Diagnostics;
using System.Text.Json;
using GymIoT.Aggregator.Readings;
using GymIoT.Core.Live;
using GymIoT.Core.Members;
using GymIoT.Core.Messaging;
using GymIoT.Core.Queues;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.Core.Telemetry;

namespace GymIoT.Aggregator;

/// <summary>
/// Handles one batch of messages from the machine queues: validates each, reports bad ones to <c>Errors</c>, folds good ones
/// into the aggregates exactly once and hands them to the coach through <c>Coaching</c> (stored now or before: the coach
/// recognises a reading it has had), tells open pages whose figures changed, and deletes from the queue only what has been fully handled. Anything that fails for a
/// technical reason stays in its queue, to be delivered again (and after five tries, moved to the dead-letter queue).
/// </summary>
public sealed partial class ReadingBatchProcessor(
    QueueConsumer consumer,
    MemberStore members,
    ReadingStore store,
    MessagePublisher publisher,
    LiveNotifier live,
    ServiceTelemetry telemetry,
    AggregatorMetrics metrics,
    TimeProvider timeProvider,
    ILogger<ReadingBatchProcessor> logger)
{
    public async Task<BatchResult> ProcessAsync(IReadOnlyList<ReceivedMessage> received, CancellationToken cancellationToken)
    {
        var batch = received.Select(m => new MessageInFlight(m, ConsumerSpan.Start(telemetry.ActivitySource, m.Queue, m.MessageId, m.Trace))).ToList();
        // Each message has a trace of its own: calls made for the batch as a whole belong to none of them.
        using var outside = AmbientSpan.Set(null);
        try
        {
            var now = timeProvider.GetUtcNow();
            BatchChecks.CheckEach(batch, m => ReadingValidator.Validate(m.Body, m.Queue, m.MessageId, m.SentAt, now), logger);

            var (stored, duplicates) = await RejectUnknownMembersAsync(batch, now, cancellationToken)
                ? await StoreAcceptedAsync(batch, cancellationToken)
                : (0, 0);
            var rejected = await ReportRejectedAsync(batch, cancellationToken);
            await DeleteAsync(batch.Where(m => m.Done), cancellationToken);

            var result = new BatchResult(stored, duplicates, rejected, batch.Count(m => !m.Done));
            if (result.Failed > 0)
            {
                metrics.Failed(result.Failed);
                LogLeftForRedelivery(result.Failed, batch.Count);
            }
            return result;
        }
        finally
        {
            foreach (var message in batch)
            {
                message.Span?.Dispose();
            }
        }
    }

    /// <returns>False when membership could not be checked: then nothing accepted is stored in this round.</returns>
    private async Task<bool> RejectUnknownMembersAsync(IReadOnlyList<MessageInFlight> batch, DateTimeOffset now, CancellationToken cancellationToken)
    {
        Dictionary<string, bool> known;
        try
        {
            var answers = await Task.WhenAll(batch.Select(m => m.Accepted?.MemberId).OfType<string>().Distinct()
                .Select(async id => (Id: id, Exists: await members.ExistsAsync(id, cancellationToken))));
            known = answers.ToDictionary(a => a.Id, a => a.Exists);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMembershipUnavailable(ex);
            return false;
        }
        foreach (var message in batch)
        {
            if (message.Accepted is { } reading && !known[reading.MemberId])
            {
                message.Check = ReadingValidator.RejectUnknownMember(reading, message.MessageId, now);
            }
        }
        return true;
    }

    /// <summary>Stores the accepted readings; one that its member's or device's day has no room for becomes a rejection.</summary>
    private async Task<(int Stored, int Duplicates)> StoreAcceptedAsync(IReadOnlyList<MessageInFlight> batch, CancellationToken cancellationToken)
    {
        var accepted = batch.Where(m => m.Accepted is not null).Select(m => (Message: m, Reading: m.Accepted!, Span: StartStoreSpan(m))).ToList();
        if (accepted.Count == 0)
        {
            return (0, 0);
        }
        try
        {
            var outcomes = await store.StoreAsync(accepted.Select(a => (a.Reading, a.Span?.Context ?? default)), cancellationToken);

            var applied = 0;
            var duplicates = 0;
            var stored = new List<(MessageInFlight Message, Reading Reading)>();
            var seen = new HashSet<string>();
            var changed = new HashSet<string>(StringComparer.Ordinal);
            var now = timeProvider.GetUtcNow();
            foreach (var (message, reading, span) in accepted)
            {
                var outcome = outcomes[reading.ReadingId];
                if (outcome.OverLimit is { } overLimit)
                {
                    message.Check = ReadingValidator.RejectChecked(reading, RejectionReason.OverDailyLimit, overLimit, message.MessageId, now);
                    span?.SetTag("gymiot.store.outcome", "over-limit");
                    continue;
                }
                var isDuplicate = outcome.Outcome == StoreOutcome.Duplicate || (outcome.Outcome == StoreOutcome.Applied && !seen.Add(reading.ReadingId));
                if (isDuplicate)
                {
                    duplicates++;
                    metrics.Duplicate(reading.Machine);
                }
                else if (outcome.Outcome == StoreOutcome.Applied)
                {
                    applied++;
                    changed.Add(reading.MemberId);
                    metrics.Processed(reading.Machine);
                    metrics.Lag(now - message.Received.SentAt);
                }
                if (outcome.Outcome is StoreOutcome.Applied or StoreOutcome.Duplicate)
                {
                    stored.Add((message, reading));
                }
                var label = isDuplicate ? "duplicate" : outcome.Outcome.ToString().ToLowerInvariant();
                span?.SetTag("gymiot.store.outcome", label);
                message.Span?.SetTag("gymiot.reading.outcome", label);
                if (outcome.Outcome is not (StoreOutcome.Applied or StoreOutcome.Duplicate))
                {
                    span?.SetStatus(ActivityStatusCode.Error, "not stored; left for redelivery");
                }
            }
            // Stored: the hand-over and the notices that follow have spans of their own.
            foreach (var (_, _, span) in accepted)
            {
                span?.Dispose();
            }
            await HandOverAsync(stored, cancellationToken);
            await live.NotifyAsync(LiveChangeKind.Activity, changed, cancellationToken);
            return (applied, duplicates);
        }
        finally
        {
            // Ended already unless storing threw; ending twice does nothing.
            foreach (var (_, _, span) in accepted)
            {
                span?.Dispose();
            }
        }
    }

    /// <summary>Gives the stored readings to the coach; one the coach did not get stays in its queue, to be stored (as a duplicate) and handed over again.</summary>
    private async Task HandOverAsync(IReadOnlyList<(MessageInFlight Message, Reading Reading)> stored, CancellationToken cancellationToken)
    {
        if (stored.Count == 0)
        {
            return;
        }
        var handOvers = stored.Select(s => new OutgoingMessage(
            JsonSerializer.Serialize(s.Reading, MessageJson.Default.Reading),
            s.Message.Span?.Context ?? s.Message.Received.Trace,
            s.Message.Received.Baggage)).ToList();
        try
        {
            var outcomes = await publisher.SendBatchAsync(QueueNames.Coaching, handOvers, cancellationToken);
            foreach (var ((message, _), outcome) in stored.Zip(outcomes))
            {
                message.Done = outcome.Sent;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogCoachingQueueUnavailable(ex, stored.Count);
        }
    }

    private async Task<int> ReportRejectedAsync(IReadOnlyList<MessageInFlight> batch, CancellationToken cancellationToken)
    {
        var rejected = batch.Where(m => m.Check is RejectedReading).Select(m => (Message: m, Rejection: (RejectedReading)m.Check!)).ToList();
        if (rejected.Count == 0)
        {
            return 0;
        }
        var reports = rejected.Select(r => new OutgoingMessage(
            JsonSerializer.Serialize(r.Rejection.Report, MessageJson.Default.ErrorReport),
            r.Message.Span?.Context ?? r.Message.Received.Trace,
            r.Message.Received.Baggage)).ToList();
        try
        {
            var outcomes = await publisher.SendBatchAsync(QueueNames.Errors, reports, cancellationToken);
            var reported = 0;
            foreach (var ((message, rejection), outcome) in rejected.Zip(outcomes))
            {
                message.Span?.SetTag("gymiot.reading.outcome", "rejected").SetTag("gymiot.reading.rejection", rejection.Reason.ToString());
                if (!outcome.Sent)
                {
                    continue;
                }
                message.Done = true;
                reported++;
                metrics.Rejected(rejection.Reason);
                LogRejected(message.Received.Queue, message.MessageId, rejection.Report.Reason);
            }
            return reported;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogErrorsQueueUnavailable(ex, rejected.Count);
            return 0;
        }
    }

    private async Task DeleteAsync(IEnumerable<MessageInFlight> handled, CancellationToken cancellationToken)
    {
        var notDeleted = await consumer.DeleteAsync([.. handled.Select(m => m.Received)], cancellationToken);
        if (notDeleted > 0)
        {
            // Handled but not deleted: they come back, and the aggregates know them already.
            LogDeleteFailed(notDeleted);
        }
    }

    /// <summary>
    /// The span of storing one reading, in the reading's trace (never the one before it, a message without a trace
    /// included); the writes that apply it are traced under it. It does not become the ambient span.
    /// </summary>
    private Activity? StartStoreSpan(MessageInFlight message)
    {
        using var outside = AmbientSpan.Set(null);
        return telemetry.ActivitySource.StartActivity("store reading", ActivityKind.Internal, message.Span?.Context ?? message.Received.Trace);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected reading {MessageId} from {Queue}: {Reason}")]
    private partial void LogRejected(string queue, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} of {BatchSize} messages are left in their queues for redelivery")]
    private partial void LogLeftForRedelivery(int failed, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Membership could not be checked; the batch's readings will be delivered again")]
    private partial void LogMembershipUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} error reports could not be sent to Errors; their readings will be delivered again")]
    private partial void LogErrorsQueueUnavailable(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} stored readings could not be handed to Coaching; they will be delivered again")]
    private partial void LogCoachingQueueUnavailable(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} handled messages could not be deleted; they will be recognised when delivered again")]
    private partial void LogDeleteFailed(int count);
}
