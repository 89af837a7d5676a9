using GymIoT.Core.Hosting;
using GymIoT.Core.Live;
using GymIoT.Core.Messaging;
using GymIoT.Core.Queues;
using Microsoft.Extensions.Options;

namespace GymIoT.Coach;

/// <summary>
/// Long-polls <c>Coaching</c> with <see cref="CoachOptions.Receivers"/> receivers and coaches what they take: different
/// members side by side, one member's readings one at a time (across receivers too, so two readings of one member never
/// judge the same day at once) and, within a receive, in the order their sessions started. A reading handled is deleted; any other is let go for SQS to deliver again.
/// Open pages of the members coached are told, so they show the day's sessions and any alert.
/// </summary>
public sealed partial class CoachService(
    QueueConsumer consumer,
    ReadingCoach coach,
    LiveNotifier live,
    IOptions<CoachOptions> options,
    ILogger<CoachService> logger) : BackgroundService
{
    /// <summary>One lock per stripe of members: bounded memory, however many members train.</summary>
    private readonly SemaphoreSlim[] _memberStripes = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var polls = consumer.StartPolling(stoppingToken);
        using var holding = new CancellationTokenSource();
        var keeping = consumer.KeepInvisibleAsync(holding.Token);
        LogStarted();
        await Task.WhenAll(Enumerable.Range(0, settings.Receivers).Select(_ =>
            consumer.PollAsync(QueueNames.Coaching, pollToken => CoachBatchAsync(settings, pollToken), stoppingToken, polls.Token)));
        await holding.CancelAsync();
        await keeping;
    }

    private async Task CoachBatchAsync(CoachOptions settings, CancellationToken pollToken)
    {
        var received = await consumer.ReceiveAsync(QueueNames.Coaching, QueueConsumer.MaxMessagesPerReceive, settings.WaitTimeSeconds, pollToken);
        try
        {
            var byMember = received
                .Select(message => (Message: message, Reading: ReadingCoach.Read(message)))
                .GroupBy(m => m.Reading?.MemberId ?? m.Message.MessageId)
                .Select(member => member.OrderBy(m => m.Reading?.StartedAt).ToList());
            var handled = new List<ReceivedMessage>();
            var coached = new List<string>();
            // Readings in hand are finished even when a stop comes: deleting them is what keeps them from coming back.
            await Parallel.ForEachAsync(byMember, new ParallelOptions { MaxDegreeOfParallelism = settings.Parallelism }, async (member, _) =>
            {
                var stripe = _memberStripes[(int)((uint)StableHash.Of(member[0].Reading?.MemberId ?? "") % (uint)_memberStripes.Length)];
                await stripe.WaitAsync(CancellationToken.None);
                try
                {
                    foreach (var (message, reading) in member)
                    {
                        if (await coach.HandleAsync(message, reading, CancellationToken.None))
                        {
                            lock (handled)
                            {
                                handled.Add(message);
                                coached.Add(reading!.MemberId);
                            }
                        }
                    }
                }
                finally
                {
                    stripe.Release();
                }
            });
            await live.NotifyAsync(LiveChangeKind.Coaching, coached, CancellationToken.None);
            var notDeleted = await consumer.DeleteAsync(handled, CancellationToken.None);
            if (notDeleted > 0)
            {
                LogDeleteFailed(notDeleted);
            }
        }
        finally
        {
            consumer.Release(received);
        }
    }

    public override void Dispose()
    {
        foreach (var stripe in _memberStripes)
        {
            stripe.Dispose();
        }
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Coaching the readings stored by the aggregator")]
    private partial void LogStarted();

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} coached readings could not be deleted; coaching them again changes nothing")]
    private partial void LogDeleteFailed(int count);
}
