namespace GymIoT.Dashboard.MemberData;

/// <summary>Finishes the account deletions that are due (<see cref="AccountErasure.FinishDueAsync"/>), every few seconds.</summary>
public sealed partial class PendingErasures(AccountErasure erasure, TimeProvider timeProvider, ILogger<PendingErasures> logger) : BackgroundService
{
    private static readonly TimeSpan LookEvery = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await erasure.FinishDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogFailed(ex);
            }
            try
            {
                await Task.Delay(LookEvery, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not finish the account deletions that are due; trying again shortly")]
    private partial void LogFailed(Exception exception);
}
