using GymIoT.Aggregator;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.Core.Time;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class ReadingAggregationTests
{
    private readonly GymCalendar _calendar = new(new GymOptions { TimeZone = "Europe/Rome" });

    [Fact]
    public void A_reading_changes_the_members_day_and_month_and_the_devices_day()
    {
        var reading = new Reading("r-1", "spin-bike-02", "Spin_bike", "dakooo",
            new DateTimeOffset(2026, 11, 28, 6, 10, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 28, 6, 40, 0, TimeSpan.Zero), 1800, 412.35);

        var contributions = ReadingAggregation.ContributionsOf(reading, _calendar).All;

        Assert.Equal(
            ["MemberActivity:dakooo:D#2026-11-28", "MemberActivity:dakooo:M#2026-11", "DeviceActivity:spin-bike-02:D#2026-11-28"],
            contributions.Select(c => $"{c.Key.Table}:{c.Key.PartitionKey}:{c.Key.Period}"));
        var day = contributions[0].Additions;
        Assert.Equal(412.35m, day["Kcal"]);
        Assert.Equal(1800m, day["Seconds_Spin_bike"]);
        Assert.Equal(1m, day["Sessions"]);
        Assert.Equal(412.35m, day["KcalH07"]);
        Assert.DoesNotContain(contributions[1].Additions.Keys, k => k.StartsWith("KcalH"));
        Assert.Equal("2026-11-28T06:40:00.000Z", contributions[2].Latest["LastReadingAt"]);
        Assert.All(contributions, c => Assert.Equal("r-1", c.SourceId));
    }
}
