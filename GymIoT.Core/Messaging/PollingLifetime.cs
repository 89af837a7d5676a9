namespace GymIoT.Core.Messaging;

/// <summary>
/// When a consumer's long polls may end. A long poll cut short can still take messages, which then stay invisible until
/// their visibility timeout: so on shutdown no new poll starts, and the ones under way get their wait time (plus a little)
/// to answer before <see cref="Token"/> is cancelled.
/// </summary>
public sealed class PollingLifetime : IDisposable
{
    private readonly CancellationTokenSource _polls = new();
    private readonly CancellationTokenRegistration _graceOnStop;

    public PollingLifetime(CancellationToken stoppingToken, int waitTimeSeconds) =>
        _graceOnStop = stoppingToken.Register(() => _polls.CancelAfter(TimeSpan.FromSeconds(waitTimeSeconds + 2)));

    public CancellationToken Token => _polls.Token;

    public void Dispose()
    {
        _graceOnStop.Dispose();
        _polls.Dispose();
    }
}
