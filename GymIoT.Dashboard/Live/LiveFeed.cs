using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Aws;
using GymIoT.Core.Live;
using GymIoT.Core.Queues;
using GymIoT.Core.Readings;

namespace GymIoT.Dashboard.Live;

/// <summary>
/// This dashboard's end of the push path: a queue of its own (encrypted, TLS only) that the aggregator and the coach send
/// <see cref="LiveNotice"/>s to, registered in <c>LiveListeners</c> and kept alive there, long-polled, each notice handed to <see cref="MemberChanges"/>.
/// Open pages read DynamoDB only when their member changed. At a stop the queue and its registration are removed; a
/// dashboard that died is swept away by the others once it has been silent long enough.
/// </summary>
public sealed partial class LiveFeed(
    IAmazonSQS sqs,
    LiveListenerStore listeners,
    MemberChanges changes,
    TimeProvider timeProvider,
    ILogger<LiveFeed> logger) : BackgroundService
{
    private static readonly TimeSpan AliveEvery = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromMinutes(5);
    private const int WaitSeconds = 10;

    /// <summary>A notice is about now: one older than a minute is not worth keeping.</summary>
    private const string RetentionSeconds = "60";

    private readonly string _queueName = $"{QueueNames.LivePrefix}{Guid.NewGuid():N}"[..17];
    private string? _queueUrl;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var aliveAt = DateTimeOffset.MinValue;
        var sweptAt = DateTimeOffset.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _queueUrl ??= await CreateQueueAsync(stoppingToken);
                var now = timeProvider.GetUtcNow();
                if (now - aliveAt >= AliveEvery)
                {
                    await listeners.AliveAsync(_queueName, _queueUrl, now, stoppingToken);
                    aliveAt = now;
                }
                if (now - sweptAt >= SweepEvery)
                {
                    await SweepAsync(now, stoppingToken);
                    sweptAt = now;
                }
                await ReceiveAsync(_queueUrl, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogFeedFailed(ex);
                await Task.Delay(TimeSpan.FromSeconds(2), timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task<string> CreateQueueAsync(CancellationToken cancellationToken)
    {
        AwsNameRules.EnsureValidQueueName(_queueName);
        var url = (await sqs.CreateQueueAsync(new CreateQueueRequest
        {
            QueueName = _queueName,
            Attributes = new()
            {
                [QueueAttributeName.MessageRetentionPeriod] = RetentionSeconds,
                [QueueAttributeName.SqsManagedSseEnabled] = "true",
            },
        }, cancellationToken)).QueueUrl;
        // As the deploy stack's queues: reachable over TLS only (the policy names the queue, so it follows its creation).
        var arn = (await sqs.GetQueueAttributesAsync(url, [QueueAttributeName.QueueArn], cancellationToken)).QueueARN;
        await sqs.SetQueueAttributesAsync(url, new Dictionary<string, string> { [QueueAttributeName.Policy] = LiveQueuePolicy.TlsOnly(arn) }, cancellationToken);
        LogListening(_queueName);
        return url;
    }

    private async Task ReceiveAsync(string queueUrl, CancellationToken cancellationToken)
    {
        var received = (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queueUrl,
            MaxNumberOfMessages = GymIoT.Core.Aws.AwsLimits.SqsMaxReceiveMessages,
            WaitTimeSeconds = WaitSeconds,
        }, cancellationToken)).Messages ?? [];
        if (received.Count == 0)
        {
            return;
        }
        foreach (var message in received)
        {
            if (Read(message.Body) is { } notice)
            {
                changes.Publish(notice);
            }
            else
            {
                LogUnreadable(message.MessageId);
            }
        }
        // A notice is read once; one that could not be deleted comes back and is handed on again, which costs a page one more read.
        await sqs.DeleteMessageBatchAsync(queueUrl, [.. received.Select((m, i) => new DeleteMessageBatchRequestEntry(i.ToString(System.Globalization.CultureInfo.InvariantCulture), m.ReceiptHandle))], cancellationToken);
    }

    private static LiveNotice? Read(string? body)
    {
        try
        {
            return JsonSerializer.Deserialize(body ?? "", MessageJson.Default.LiveNotice) is { MemberIds: not null } notice ? notice : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Removes the queues of dashboards that stopped without saying so.</summary>
    private async Task SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        foreach (var gone in (await listeners.AllAsync(now, cancellationToken)).Where(l => l.SilentFor >= LiveListenerStore.Gone))
        {
            try
            {
                await sqs.DeleteQueueAsync(gone.QueueUrl, cancellationToken);
            }
            catch (QueueDoesNotExistException)
            {
            }
            await listeners.RemoveAsync(gone.QueueName, cancellationToken);
            LogSwept(gone.QueueName, gone.SilentFor);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_queueUrl is null)
        {
            return;
        }
        try
        {
            await listeners.RemoveAsync(_queueName, cancellationToken);
            await sqs.DeleteQueueAsync(_queueUrl, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The others sweep it away once it has been silent long enough.
            LogNotRemoved(ex, _queueName);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Live updates arrive on {Queue}")]
    private partial void LogListening(string queue);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The live feed failed; open pages miss changes until it is back in a moment")]
    private partial void LogFeedFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Live notice {MessageId} is not one; dropped")]
    private partial void LogUnreadable(string messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Removed {Queue}, the live queue of a dashboard silent for {Silent}")]
    private partial void LogSwept(string queue, TimeSpan silent);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove {Queue} at the stop; the other dashboards sweep it away later")]
    private partial void LogNotRemoved(Exception exception, string queue);
}
