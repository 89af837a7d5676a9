using GymIoT.Core.Time;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class GymCalendarTests
{
    private readonly GymCalendar _rome = new(new GymOptions { TimeZone = "Europe/Rome" });

    [Fact]
    public void A_late_evening_session_belongs_to_the_local_day_not_the_UTC_one()
    {
        var instant = new DateTimeOffset(2026, 7, 14, 22, 30, 0, TimeSpan.Zero); // 00:30 on 15 July in Rome

        Assert.Equal("D#2026-07-15", _rome.DayKey(instant));
        Assert.Equal(0, _rome.LocalHour(instant));
        Assert.Equal("M#2026-07", _rome.MonthKey(instant));
    }

    [Fact]
    public void The_last_evening_of_a_month_in_UTC_can_be_the_next_month_locally()
    {
        var instant = new DateTimeOffset(2026, 10, 31, 23, 30, 0, TimeSpan.Zero); // 00:30 on 1 November in Rome (CET)

        Assert.Equal("M#2026-11", _rome.MonthKey(instant));
    }

    [Fact]
    public void Spring_forward_skips_hour_2()
    {
        // 29 March 2026: at 02:00 CET clocks go to 03:00 CEST (01:00 UTC).
        Assert.Equal(1, _rome.LocalHour(new DateTimeOffset(2026, 3, 29, 0, 59, 0, TimeSpan.Zero)));
        Assert.Equal(3, _rome.LocalHour(new DateTimeOffset(2026, 3, 29, 1, 0, 0, TimeSpan.Zero)));
        Assert.Equal("D#2026-03-29", _rome.DayKey(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero)));
        Assert.Equal("D#2026-03-29", _rome.DayKey(new DateTimeOffset(2026, 3, 29, 21, 59, 0, TimeSpan.Zero)));
        Assert.Equal("D#2026-03-30", _rome.DayKey(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Fall_back_counts_hour_2_twice()
    {
        // 25 October 2026: at 03:00 CEST clocks go back to 02:00 CET (01:00 UTC).
        Assert.Equal(2, _rome.LocalHour(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero)));
        Assert.Equal(2, _rome.LocalHour(new DateTimeOffset(2026, 10, 25, 1, 30, 0, TimeSpan.Zero)));
        Assert.Equal("D#2026-10-25", _rome.DayKey(new DateTimeOffset(2026, 10, 24, 22, 0, 0, TimeSpan.Zero)));
        Assert.Equal("D#2026-10-26", _rome.DayKey(new DateTimeOffset(2026, 10, 25, 23, 0, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void Period_keys_sort_as_text_in_time_order()
    {
        Assert.Equal("D#2026-02-03", GymCalendar.DayKey(new DateOnly(2026, 2, 3)));
        Assert.Equal("M#2026-02", GymCalendar.MonthKey(new DateOnly(2026, 2, 3)));
        Assert.True(string.CompareOrdinal(GymCalendar.DayKey(new DateOnly(2026, 9, 30)), GymCalendar.DayKey(new DateOnly(2026, 10, 1))) < 0);
    }
}
