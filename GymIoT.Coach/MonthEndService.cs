using GymIoT.Core.Coaching;
using GymIoT.Core.Telemetry;
using GymIoT.Core.Time;

namespace GymIoT.Coach;

/// <summary>
/// Runs the month-end review of the month just ended: when the coach starts and when a new local month begins. The review is
/// idempotent, so each start of each replica may run it; a run that fails is tried again at the next check.
/// </summary>
public sealed partial class MonthEndService(
    MonthEndReview review,
    GymCalendar calendar,
    ServiceTelemetry telemetry,
    CoachMetrics metrics,
    TimeProvider timeProvider,
    ILogger<MonthEndService> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateOnly? reviewed = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var today = calendar.LocalDate(timeProvider.GetUtcNow());
            var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            if (reviewed != lastMonth)
            {
                try
                {
                    await ReviewAsync(lastMonth, stoppingToken);
                    reviewed = lastMonth;
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogReviewFailed(ex, lastMonth);
                }
            }
            try
            {
                await Task.Delay(CheckEvery, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task ReviewAsync(DateOnly month, CancellationToken cancellationToken)
    {
        using var span = telemetry.ActivitySource.StartActivity("month-end review");
        span?.SetTag("gymiot.month", GymCalendar.MonthKey(month));
        var reviews = await review.ReviewAllAsync(month, cancellationToken);
        var down = reviews.Count(r => r.LevelDownCardId is not null);
        span?.SetTag("gymiot.members", reviews.Count);
        span?.SetTag("gymiot.level_downs", down);
        metrics.Reviewed(reviews);
        LogReviewed(month, reviews.Count, down);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Month-end review of {Month:yyyy-MM}: {Members} members, {LevelDowns} one level down from the 1st")]
    private partial void LogReviewed(DateOnly month, int members, int levelDowns);

    [LoggerMessage(Level = LogLevel.Error, Message = "The month-end review of {Month:yyyy-MM} failed; it is tried again in a minute")]
    private partial void LogReviewFailed(Exception exception, DateOnly month);
}
