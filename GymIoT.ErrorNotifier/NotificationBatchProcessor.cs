using System.Diagnostics;
using GymIoT.Core.Messaging;
using GymIoT.Core.Telemetry;
using GymIoT.ErrorNotifier.Channels;
using Microsoft.Extensions.Options;

namespace GymIoT.ErrorNotifier;

/// <summary>
/// Delivers one batch of reports through every enabled channel and records the devices' faults. A channel that fails is
/// retried with growing pauses, while the reports stay held (invisible) in <c>Errors</c>; a channel that already took a
/// report is not given it again. A report leaves <c>Errors</c> only once every enabled channel has it; one that cannot be
/// delivered within the retry budget is let go for SQS to deliver again, and after five receives it moves to <c>Errors-dlq</c>.
/// </summary>
public sealed partial class NotificationBatchProcessor(
    IEnumerable<INotificationChannel> channels,
    DeliveryLedger ledger,
    DeviceFaults faults,
    QueueConsumer consumer,
    NotifierMetrics metrics,
    ServiceTelemetry telemetry,
    IOptions<NotifierOptions> options,
    TimeProvider timeProvider,
    ILogger<NotificationBatchProcessor> logger)
{
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(30);

    /// <summary>Returns the ids of the reports delivered on every enabled channel (and deleted from <c>Errors</c>).</summary>
    public async Task<IReadOnlyCollection<string>> ProcessAsync(IReadOnlyList<IncomingReport> received, CancellationToken cancellationToken)
    {
        // Each report has a trace of its own: calls made for the batch as a whole belong to none of them.
        using var outside = AmbientSpan.Set(null);
        var spans = received.Select(r => ConsumerSpan.Start(telemetry.ActivitySource, Core.Queues.QueueNames.Errors, r.ReportId, r.Trace)?.SetTag("gymiot.device.id", r.Report.DeviceId)).ToList();
        try
        {
            var batch = received.Select((r, i) => r with { Trace = spans[i]?.Context ?? r.Trace }).ToList();
            var enabled = channels.Where(c => c.IsEnabled).ToList();
            var delivered = enabled.ToDictionary(c => c.Name, _ => new HashSet<string>());
            var recorded = new HashSet<string>();
            var setAside = new HashSet<string>();
            var settings = options.Value;
            var giveUpAt = timeProvider.GetUtcNow().AddSeconds(settings.RetryForSeconds);

            for (var attempt = 1; ; attempt++)
            {
                var complete = true;
                try
                {
                    complete &= await RecordFaultsAsync([.. batch.Where(r => !recorded.Contains(r.ReportId) && !setAside.Contains(r.ReportId))], recorded, setAside, cancellationToken);
                    var deliverable = batch.Where(r => !setAside.Contains(r.ReportId)).ToList();
                    foreach (var channel in enabled)
                    {
                        complete &= await DeliverAsync(channel, deliverable, delivered[channel.Name], cancellationToken);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    complete = false;
                    LogAttemptFailed(ex, attempt, batch.Count);
                }

                var done = batch.Where(r => recorded.Contains(r.ReportId) && enabled.All(c => delivered[c.Name].Contains(r.ReportId))).ToList();
                if (complete || timeProvider.GetUtcNow() >= giveUpAt)
                {
                    await DeleteAsync(done, cancellationToken);
                    if (!complete)
                    {
                        LogGivenUp(batch.Count - done.Count - setAside.Count, settings.RetryForSeconds);
                    }
                    return [.. done.Select(r => r.ReportId)];
                }

                var pause = TimeSpan.FromSeconds(Math.Min(MaxPause.TotalSeconds, Math.Pow(2, attempt - 1)));
                await Task.Delay(pause, timeProvider, cancellationToken);
            }
        }
        finally
        {
            foreach (var span in spans)
            {
                span?.Dispose();
            }
        }
    }

    /// <summary>
    /// Counts the reports against their devices' days. A report the store refuses as invalid can never be recorded: it is set
    /// aside on its own (not delivered, not deleted: SQS moves it to <c>Errors-dlq</c> after its receives) and holds back no other.
    /// </summary>
    /// <returns>True when nothing is left to retry.</returns>
    private async Task<bool> RecordFaultsAsync(IReadOnlyList<IncomingReport> reports, HashSet<string> recorded, HashSet<string> setAside, CancellationToken cancellationToken)
    {
        if (reports.Count == 0)
        {
            return true;
        }
        var complete = true;
        var outcomes = await faults.RecordAsync(reports, cancellationToken);
        foreach (var report in reports.DistinctBy(r => r.ReportId))
        {
            switch (outcomes[report.ReportId])
            {
                case Core.Storage.StoreOutcome.Invalid:
                    setAside.Add(report.ReportId);
                    LogSetAside(report.ReportId, report.MessageId);
                    break;
                case Core.Storage.StoreOutcome.Failed:
                    complete = false;
                    break;
                case Core.Storage.StoreOutcome.OverCap:
                    // Still delivered: the gym hears of every fault, the device's day counts no further.
                    LogFaultsOverLimit(report.Report.DeviceId);
                    recorded.Add(report.ReportId);
                    break;
                default:
                    recorded.Add(report.ReportId);
                    break;
            }
        }
        return complete;
    }

    /// <returns>True when the channel now has every report of the batch.</returns>
    private async Task<bool> DeliverAsync(INotificationChannel channel, IReadOnlyList<IncomingReport> batch, HashSet<string> delivered, CancellationToken cancellationToken)
    {
        var undecided = batch.Where(r => !delivered.Contains(r.ReportId)).ToList();
        if (undecided.Count == 0)
        {
            return true;
        }
        delivered.UnionWith(await ledger.DeliveredAsync(undecided.Select(r => r.ReportId), channel.Name, cancellationToken));
        var pending = batch.Where(r => !delivered.Contains(r.ReportId)).DistinctBy(r => r.ReportId).ToList();
        if (pending.Count == 0)
        {
            return true;
        }
        IReadOnlyCollection<string> taken;
        try
        {
            taken = await channel.DeliverAsync(pending, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            metrics.Failed(channel.Name);
            LogChannelFailed(ex, channel.Name, pending.Count);
            return false;
        }
        await ledger.RecordAsync(taken, channel.Name, cancellationToken);
        delivered.UnionWith(taken);
        metrics.Sent(channel.Name, taken.Count);
        if (taken.Count < pending.Count)
        {
            metrics.Failed(channel.Name);
            return false;
        }
        return true;
    }

    private async Task DeleteAsync(IReadOnlyList<IncomingReport> done, CancellationToken cancellationToken)
    {
        var notDeleted = await consumer.DeleteAsync([.. done.Select(r => r.Received)], cancellationToken);
        if (notDeleted > 0)
        {
            LogDeleteFailed(notDeleted);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Delivering {Count} reports failed (attempt {Attempt}); retrying")]
    private partial void LogAttemptFailed(Exception exception, int attempt, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report {ReportId} (message {MessageId}) can never be recorded: set aside for Errors-dlq, the rest of its batch goes on")]
    private partial void LogSetAside(string reportId, string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Device {DeviceId} is over its daily fault limit: the report is delivered, its day counts no further")]
    private partial void LogFaultsOverLimit(string deviceId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Channel {Channel} could not take {Count} reports")]
    private partial void LogChannelFailed(Exception exception, string channel, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Count} reports still undelivered after {Seconds} s: left for redelivery by SQS (then Errors-dlq)")]
    private partial void LogGivenUp(int count, int seconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} delivered reports could not be deleted; the ledger keeps them from being sent twice")]
    private partial void LogDeleteFailed(int count);
}
