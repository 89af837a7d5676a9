using GymIoT.Core.Time;

namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// The gym's time zone in the tests that run the system against the real clock: one where it is about noon when the run
/// starts. A burst's sessions end now and last up to an hour, and the pages, the coach and the tests all judge "today"
/// by the gym's clock; in the gym's own zone a run just after its midnight would see sessions that started yesterday.
/// What happens at midnight is tried with a fake clock (<c>GymCalendarTests</c>, <c>MonthEndRuleTests</c>).
/// </summary>
public static class TestGym
{
    public static TimeZoneInfo TimeZone { get; } = NearNoon(DateTimeOffset.UtcNow);

    public static GymCalendar Calendar { get; } = new(TimeZone);

    /// <summary>Today, by the test gym's clock.</summary>
    public static DateOnly Today => Calendar.LocalDate(DateTimeOffset.UtcNow);

    /// <summary>The zone where it is closest to noon at <paramref name="now"/>.</summary>
    public static TimeZoneInfo NearNoon(DateTimeOffset now) =>
        TimeZoneInfo.GetSystemTimeZones()
            .MinBy(zone => Math.Abs((TimeZoneInfo.ConvertTime(now, zone).TimeOfDay - TimeSpan.FromHours(12)).Ticks))!;
}
