using GymIoT.Core.Coaching;
using GymIoT.Core.Telemetry;
using GymIoT.Core.Time;
using Microsoft.Extensions.Options;

namespace GymIoT.Coach;

/// <summary>
/// Runs the month-end review of the month just ended: when the coach starts and when a new local month begins, once readings
/// of past days have stopped coming for <see cref="CoachOptions.MonthEndQuietSeconds"/> (at most an hour later). The review
/// is idempotent, so each start of each replica may run it; a run that fails is tried again at the next check.
/// </summary>
public sealed partial class MonthEndService(
    MonthEndReview review,
    PastDayReadings pastDays,
    IOptions<CoachOptions> options,
    GymCalendar calendar,
    ServiceTelemetry telemetry,
    CoachMetrics metrics,
    TimeProvider timeProvider,
    ILogger<MonthEndService> logger) : BackgroundService
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(15);

    /// <summary>Past-day readings that never stop (a sensor with a wrong clock) hold the review back no longer than this.</summary>
    private static readonly TimeSpan LongestWait = TimeSpan.FromHours(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var quiet = TimeSpan.FromSeconds(options.Value.MonthEndQuietSeconds);
        DateOnly? reviewed = null;
        DateOnly? waitingFor = null;
        var waitingSince = timeProvider.GetUtcNow();
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = timeProvider.GetUtcNow();
            var today = calendar.LocalDate(now);
            var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
            if (waitingFor != lastMonth)
            {
                (waitingFor, waitingSince) = (lastMonth, now);
            }
            if (reviewed != lastMonth && (pastDays.QuietFor() >= quiet || now - waitingSince >= LongestWait))
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

    [LoggerMessage(Level = LogLevel.Error, Message = "The month-end review of {Month:yyyy-MM} failed; it is tried again shortly")]
    private partial void LogReviewFailed(Exception exception, DateOnly month);
}
