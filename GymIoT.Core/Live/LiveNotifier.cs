using System.Text.Json;
using Amazon.SQS;
using Microsoft.Extensions.Logging;
using GymIoT.Core.Readings;

namespace GymIoT.Core.Live;

/// <summary>
/// Sends a <see cref="LiveNotice"/> to every dashboard listening. Notices are best effort: one that cannot be sent is logged
/// and dropped, since the data it points at is stored and the page shows it at its next notice or reload; it never holds
/// back the work that caused it.
/// </summary>
public sealed partial class LiveNotifier(IAmazonSQS sqs, LiveListenerStore listeners, TimeProvider timeProvider, ILogger<LiveNotifier> logger)
{
    /// <summary>Who listens is read again after this long: a new dashboard gets notices within it.</summary>
    private static readonly TimeSpan ListenersFor = TimeSpan.FromSeconds(10);

    /// <summary>Member ids per message: 64 characters at most each keeps a notice far below SQS's 256 KB.</summary>
    private const int MembersPerNotice = 1000;

    private readonly SemaphoreSlim _refresh = new(1, 1);
    private IReadOnlyList<LiveListener> _listeners = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async Task NotifyAsync(LiveChangeKind kind, IEnumerable<string> memberIds, CancellationToken cancellationToken = default)
    {
        var members = memberIds.Distinct(StringComparer.Ordinal).ToList();
        if (members.Count == 0)
        {
            return;
        }
        try
        {
            var listening = await ListeningAsync(cancellationToken);
            var bodies = members.Chunk(MembersPerNotice).Select(chunk => JsonSerializer.Serialize(new LiveNotice(kind, chunk), MessageJson.Default.LiveNotice)).ToList();
            await Task.WhenAll(listening.SelectMany(listener => bodies.Select(body => sqs.SendMessageAsync(listener.QueueUrl, body, cancellationToken))));
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(ex, kind, members.Count);
        }
    }

    private async Task<IReadOnlyList<LiveListener>> ListeningAsync(CancellationToken cancellationToken)
    {
        if (timeProvider.GetUtcNow() - _readAt < ListenersFor)
        {
            return _listeners;
        }
        await _refresh.WaitAsync(cancellationToken);
        try
        {
            var now = timeProvider.GetUtcNow();
            if (now - _readAt >= ListenersFor)
            {
                _listeners = [.. (await listeners.AllAsync(now, cancellationToken)).Where(l => l.SilentFor < LiveListenerStore.Silent)];
                _readAt = now;
            }
            return _listeners;
        }
        finally
        {
            _refresh.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A live notice ({Kind}, {Members} members) could not be sent; open pages show the change at the next one")]
    private partial void LogNotSent(Exception exception, LiveChangeKind kind, int members);
}
