using System.Diagnostics;
using GymIoT.Core.Members;
using GymIoT.Core.Messaging;
using GymIoT.Core.Queues;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.Core.Telemetry;
using GymIoT.Core.Time;
using Microsoft.Extensions.Options;

namespace GymIoT.Aggregator;

/// <summary>
/// Handles one batch of messages from the machine queues: validates each, reports bad ones to <c>Errors</c>, folds good ones
/// into the aggregates exactly once, and deletes from the queue only what has been fully handled. Anything that fails for a
/// technical reason stays in its queue, to be delivered again (and after five tries, moved to the dead-letter queue).
/// </summary>
public sealed partial class ReadingBatchProcessor(
    QueueConsumer consumer,
    MemberStore members,
    ActivityStore store,
    MessagePublisher publisher,
    GymCalendar calendar,
    ServiceTelemetry telemetry,
    AggregatorMetrics metrics,
    IOptions<AggregatorOptions> options,
    TimeProvider timeProvider,
    ILogger<ReadingBatchProcessor> logger)
{
    public async Task<BatchResult> ProcessAsync(IReadOnlyList<ReceivedMessage> batch, CancellationToken cancellationToken)
    {
        var previous = Activity.Current;
        var spans = new Activity?[batch.Count];
        try
        {
            var now = timeProvider.GetUtcNow();
            for (var i = 0; i < batch.Count; i++)
            {
                spans[i] = ConsumerSpan.Start(telemetry.ActivitySource, batch[i].Queue, batch[i].Message.MessageId, batch[i].Trace);
            }
            Activity.Current = null;
            var checks = BatchChecks.CheckEach(
                batch, m => ReadingValidator.Validate(m.Message.Body ?? "", m.Queue, m.Message.MessageId, m.SentAt, now), logger);
            for (var i = 0; i < batch.Count; i++)
            {
                if (checks[i] is null)
                {
                    spans[i]?.SetStatus(ActivityStatusCode.Error, "not checked; left for redelivery");
                }
            }

            var done = new bool[batch.Count];
            var failed = !await RejectUnknownMembersAsync(batch, checks, now, cancellationToken);
            var (stored, duplicates) = failed ? (0, 0) : await StoreAcceptedAsync(batch, checks, spans, done, cancellationToken);
            var rejected = await ReportRejectedAsync(batch, checks, spans, done, cancellationToken);
            await DeleteAsync(batch.Where((_, i) => done[i]), cancellationToken);

            var result = new BatchResult(stored, duplicates, rejected, done.Count(d => !d));
            if (result.Failed > 0)
            {
                metrics.Failed(result.Failed);
                LogLeftForRedelivery(result.Failed, batch.Count);
            }
            return result;
        }
        finally
        {
            foreach (var span in spans)
            {
                span?.Dispose();
            }
            Activity.Current = previous;
        }
    }

    /// <returns>False when membership could not be checked: then nothing accepted is stored in this round.</returns>
    private async Task<bool> RejectUnknownMembersAsync(IReadOnlyList<ReceivedMessage> batch, ReadingCheck?[] checks, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var memberIds = checks.OfType<AcceptedReading>().Select(a => a.Reading.MemberId).Distinct().ToList();
        Dictionary<string, bool> known;
        try
        {
            var answers = await Task.WhenAll(memberIds.Select(async id => (id, await members.ExistsAsync(id, cancellationToken))));
            known = answers.ToDictionary(a => a.id, a => a.Item2);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogMembershipUnavailable(ex);
            return false;
        }
        for (var i = 0; i < checks.Length; i++)
        {
            if (checks[i] is AcceptedReading accepted && !known[accepted.Reading.MemberId])
            {
                checks[i] = ReadingValidator.RejectUnknownMember(accepted.Reading, batch[i].Message.MessageId, now);
            }
        }
        return true;
    }

    private async Task<int> ReportRejectedAsync(
        IReadOnlyList<ReceivedMessage> batch, ReadingCheck?[] checks, Activity?[] spans, bool[] done, CancellationToken cancellationToken)
    {
        var rejected = Enumerable.Range(0, batch.Count).Where(i => checks[i] is RejectedReading).ToList();
        if (rejected.Count == 0)
        {
            return 0;
        }
        var reports = rejected.Select(i => new OutgoingMessage(
            System.Text.Json.JsonSerializer.Serialize(((RejectedReading)checks[i]!).Report, MessageJson.Default.ErrorReport),
            spans[i]?.Context ?? batch[i].Trace,
            batch[i].Baggage)).ToList();
        try
        {
            var outcomes = await publisher.SendBatchAsync(QueueNames.Errors, reports, cancellationToken);
            var reported = 0;
            for (var r = 0; r < rejected.Count; r++)
            {
                var i = rejected[r];
                var rejection = (RejectedReading)checks[i]!;
                spans[i]?.SetTag("gymiot.reading.outcome", "rejected").SetTag("gymiot.reading.rejection", rejection.Reason.ToString());
                if (!outcomes[r].Sent)
                {
                    continue;
                }
                done[i] = true;
                reported++;
                metrics.Rejected(rejection.Reason);
                LogRejected(batch[i].Queue, batch[i].Message.MessageId, rejection.Report.Reason);
            }
            return reported;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogErrorsQueueUnavailable(ex, rejected.Count);
            return 0;
        }
    }

    /// <summary>Stores the accepted readings; one that its member's or device's day has no room for becomes a rejection.</summary>
    private async Task<(int Stored, int Duplicates)> StoreAcceptedAsync(
        IReadOnlyList<ReceivedMessage> batch, ReadingCheck?[] checks, Activity?[] spans, bool[] done, CancellationToken cancellationToken)
    {
        var accepted = Enumerable.Range(0, batch.Count).Where(i => checks[i] is AcceptedReading).ToList();
        if (accepted.Count == 0)
        {
            return (0, 0);
        }
        var readings = accepted.Select(i => ((AcceptedReading)checks[i]!).Reading).ToList();
        var storeSpans = accepted.Select(i => StartStoreSpan(spans[i], batch[i].Trace)).ToList();
        try
        {
            var outcomes = await StoreInOrderAsync([.. readings.DistinctBy(r => r.ReadingId).Select(r => ReadingAggregation.ContributionsOf(r, calendar))], cancellationToken);

            var stored = 0;
            var duplicates = 0;
            var seen = new HashSet<string>();
            var now = timeProvider.GetUtcNow();
            for (var a = 0; a < accepted.Count; a++)
            {
                var i = accepted[a];
                var reading = readings[a];
                var (outcome, full) = outcomes[reading.ReadingId];
                if (full is not null)
                {
                    checks[i] = ReadingValidator.RejectChecked(reading, RejectionReason.OverDailyLimit, OverLimitDetail(full), batch[i].Message.MessageId, now);
                    storeSpans[a]?.SetTag("gymiot.store.outcome", "over-limit");
                    continue;
                }
                var isDuplicate = outcome == StoreOutcome.Duplicate || (outcome == StoreOutcome.Applied && !seen.Add(reading.ReadingId));
                if (isDuplicate)
                {
                    duplicates++;
                    metrics.Duplicate(reading.Machine);
                }
                else if (outcome == StoreOutcome.Applied)
                {
                    stored++;
                    metrics.Processed(reading.Machine);
                    metrics.Lag(now - batch[i].SentAt);
                }
                done[i] = outcome is StoreOutcome.Applied or StoreOutcome.Duplicate;
                var label = isDuplicate ? "duplicate" : outcome.ToString().ToLowerInvariant();
                storeSpans[a]?.SetTag("gymiot.store.outcome", label);
                spans[i]?.SetTag("gymiot.reading.outcome", label);
                if (!done[i])
                {
                    storeSpans[a]?.SetStatus(ActivityStatusCode.Error, "not stored; left for redelivery");
                }
            }
            return (stored, duplicates);
        }
        finally
        {
            foreach (var span in storeSpans)
            {
                span?.Dispose();
            }
            Activity.Current = null;
        }
    }

    /// <summary>
    /// The member's day first, then the device's day and the member's month for the readings the day took. A reading the
    /// device's day has no room for is taken back from the member's items. Returns, per reading id, what became of it and,
    /// when it was over a limit, the item that was full.
    /// </summary>
    private async Task<Dictionary<string, (StoreOutcome Outcome, ActivityContribution? Full)>> StoreInOrderAsync(
        IReadOnlyList<ReadingContributions> readings, CancellationToken cancellationToken)
    {
        var parallelism = options.Value.StoreParallelism;
        var days = await store.ApplyAsync([.. readings.Select(r => r.MemberDay)], parallelism, cancellationToken);
        var admitted = readings.Where(r => days[r.MemberDay.SourceId] is StoreOutcome.Applied or StoreOutcome.Duplicate).ToList();
        var rest = await store.ApplyAsync([.. admitted.SelectMany(r => new[] { r.DeviceDay, r.MemberMonth })], parallelism, cancellationToken);

        var takenBack = true;
        var overDeviceLimit = admitted.Where(r => rest[r.DeviceDay.SourceId] == StoreOutcome.OverCap).ToList();
        if (overDeviceLimit.Count > 0)
        {
            try
            {
                await store.RevokeAsync([.. overDeviceLimit.SelectMany(r => new[] { r.MemberDay, r.MemberMonth })], parallelism, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left for redelivery, which takes them back again.
                LogNotTakenBack(ex, overDeviceLimit.Count);
                takenBack = false;
            }
        }

        return readings.ToDictionary(r => r.MemberDay.SourceId, r => (days[r.MemberDay.SourceId], rest.GetValueOrDefault(r.DeviceDay.SourceId)) switch
        {
            (StoreOutcome.OverCap, _) => (StoreOutcome.OverCap, r.MemberDay),
            (StoreOutcome.Applied or StoreOutcome.Duplicate, StoreOutcome.OverCap) => takenBack ? (StoreOutcome.OverCap, r.DeviceDay) : (StoreOutcome.Failed, null),
            (StoreOutcome.Duplicate, StoreOutcome.Duplicate) => (StoreOutcome.Duplicate, null),
            (StoreOutcome.Applied or StoreOutcome.Duplicate, StoreOutcome.Applied or StoreOutcome.Duplicate) => (StoreOutcome.Applied, null),
            (StoreOutcome.Applied or StoreOutcome.Duplicate, var other) => (other, (ActivityContribution?)null),
            (var other, _) => (other, null),
        });
    }

    private static string OverLimitDetail(ActivityContribution full) =>
        $"{(full.Key.Table == TableNames.DeviceActivity ? "device" : "member")} '{full.Key.PartitionKey}' has {full.Cap!.Max} readings on {full.Key.Period} already, the most one day may hold";

    private async Task DeleteAsync(IEnumerable<ReceivedMessage> handled, CancellationToken cancellationToken)
    {
        var notDeleted = await consumer.DeleteAsync([.. handled], cancellationToken);
        if (notDeleted > 0)
        {
            // Handled but not deleted: they come back, and the aggregates know them already.
            LogDeleteFailed(notDeleted);
        }
    }

    private Activity? StartStoreSpan(Activity? process, ActivityContext trace)
    {
        Activity.Current = null;
        var span = telemetry.ActivitySource.StartActivity("store reading", ActivityKind.Client, process?.Context ?? trace);
        span?.SetTag("db.system.name", "aws.dynamodb")
            .SetTag("db.operation.name", "UpdateItem")
            .SetTag("db.collection.name", $"{TableNames.MemberActivity},{TableNames.DeviceActivity}");
        return span;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected reading {MessageId} from {Queue}: {Reason}")]
    private partial void LogRejected(string queue, string messageId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Failed} of {BatchSize} messages are left in their queues for redelivery")]
    private partial void LogLeftForRedelivery(int failed, int batchSize);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Membership could not be checked; the batch's readings will be delivered again")]
    private partial void LogMembershipUnavailable(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} error reports could not be sent to Errors; their readings will be delivered again")]
    private partial void LogErrorsQueueUnavailable(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} readings over their device's daily limit could not be taken back from their members' items; they will be delivered again")]
    private partial void LogNotTakenBack(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} handled messages could not be deleted; they will be recognised when delivered again")]
    private partial void LogDeleteFailed(int count);
}
