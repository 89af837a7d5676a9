using GymIoT.Core.Messaging;
using GymIoT.Core.Queues;
using GymIoT.Core.Readings;
using GymIoT.ErrorNotifier.Channels;
using GymIoT.ErrorNotifier.Reports;
using Microsoft.Extensions.Options;

namespace GymIoT.ErrorNotifier;

/// <summary>
/// Long-polls <c>Errors</c> and gathers reports into batches of up to <see cref="NotifierOptions.BatchSize"/>, or whatever
/// arrived within <see cref="NotifierOptions.BatchWindowSeconds"/> of the first, as the original's event source mapping did.
/// </summary>
public sealed partial class NotifierService(
    QueueConsumer consumer,
    NotificationBatchProcessor processor,
    IEnumerable<INotificationChannel> channels,
    IOptions<NotifierOptions> options,
    TimeProvider timeProvider,
    ILogger<NotifierService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var channel in channels)
        {
            if (channel.IsEnabled)
            {
                LogChannelEnabled(channel.Name);
            }
            else
            {
                LogChannelDisabled(channel.Name);
            }
        }

        // Reports in hand are delivered while the poll under way gets its time to answer, and stay invisible meanwhile.
        using var polls = consumer.StartPolling(stoppingToken);
        using var holding = new CancellationTokenSource();
        var keeping = consumer.KeepInvisibleAsync(holding.Token);
        await consumer.PollAsync(QueueNames.Errors, pollToken => GatherAndDeliverAsync(stoppingToken, pollToken), stoppingToken, polls.Token);
        await holding.CancelAsync();
        await keeping;
    }

    private async Task GatherAndDeliverAsync(CancellationToken stoppingToken, CancellationToken pollToken)
    {
        var batch = await GatherAsync(stoppingToken, pollToken);
        try
        {
            if (batch.Count > 0)
            {
                await processor.ProcessAsync(batch, pollToken);
            }
        }
        finally
        {
            // What was not deleted (set aside, or not delivered in time) is for SQS to deliver again.
            consumer.Release(batch.Select(r => r.Received));
        }
    }

    private async Task<List<IncomingReport>> GatherAsync(CancellationToken stoppingToken, CancellationToken pollToken)
    {
        var settings = options.Value;
        var batch = new List<IncomingReport>();
        DateTimeOffset? windowEnds = null;
        while (batch.Count < settings.BatchSize)
        {
            var wait = windowEnds is { } end
                ? (int)Math.Ceiling(Math.Clamp((end - timeProvider.GetUtcNow()).TotalSeconds, 0, settings.WaitTimeSeconds))
                : settings.WaitTimeSeconds;
            if ((windowEnds is not null && wait == 0) || (stoppingToken.IsCancellationRequested && batch.Count > 0))
            {
                break;
            }
            IReadOnlyList<ReceivedMessage> received;
            try
            {
                received = await consumer.ReceiveAsync(QueueNames.Errors, settings.BatchSize - batch.Count, wait, pollToken);
            }
            catch (Exception ex) when (batch.Count > 0 && ex is not OperationCanceledException)
            {
                // The queue went away with reports in hand (SQS unreachable, or an emulator restarted empty): deliver them.
                LogReceiveFailedWithReportsInHand(ex, batch.Count);
                break;
            }
            var now = timeProvider.GetUtcNow();
            foreach (var message in received)
            {
                try
                {
                    batch.Add(IncomingReport.Of(message, ErrorReportParser.Parse(message.Body, message.MessageId, now)));
                }
                catch (Exception ex)
                {
                    // A fault of the parser, not of the batch: this report alone is let go to SQS (and in the end Errors-dlq).
                    LogReportUnreadable(ex, message.MessageId);
                    consumer.Release([message]);
                }
            }
            if (batch.Count > 0)
            {
                windowEnds ??= now.AddSeconds(settings.BatchWindowSeconds);
            }
            else if (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
        return batch;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification channel {Channel} is on")]
    private partial void LogChannelEnabled(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification channel {Channel} is off: it is not configured (see Smtp / Ifttt settings)")]
    private partial void LogChannelDisabled(string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from Errors failed with {Count} reports in hand; delivering those now")]
    private partial void LogReceiveFailedWithReportsInHand(Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Report {MessageId} could not be read; it is left for redelivery (then Errors-dlq)")]
    private partial void LogReportUnreadable(Exception exception, string messageId);
}
