using GymIoT.Core.Storage;
using GymIoT.Dashboard.Staff;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Dashboard;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class DeviceHealthTests
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 28, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Devices_with_faults_today_come_first_with_their_last_fault_and_last_reading()
    {
        var week = new[]
        {
            new DeviceDay("cyclette-01", "D#2026-11-28", "Cyclette", 12, 0, Morning, null, null),
            new DeviceDay("spin-bike-02", "D#2026-11-28", "Spin_bike", 3, 2, Morning.AddHours(1), Morning.AddMinutes(30), "ImpossibleCalories: 900 kcal"),
            new DeviceDay("spin-bike-02", "D#2026-11-25", "Spin_bike", 5, 4, Morning.AddDays(-3), Morning.AddDays(-3), "ZeroValue: the duration is zero"),
            new DeviceDay("elliptical-bike-01", "D#2026-11-24", "Elliptical_bike", 1, 1, Morning.AddDays(-4), Morning.AddDays(-4), "TooOld"),
        };

        var devices = DeviceHealth.From(week, "D#2026-11-28");

        Assert.Equal(["spin-bike-02", "elliptical-bike-01", "cyclette-01"], devices.Select(d => d.DeviceId));
        var spin = devices[0];
        Assert.Equal(3, spin.ReadingsToday);
        Assert.Equal(2, spin.FaultsToday);
        Assert.Equal(6, spin.FaultsThisWeek);
        Assert.Equal("ImpossibleCalories: 900 kcal", spin.LastFaultReason);
        Assert.Equal(Morning.AddHours(1), spin.LastReadingAt);
        Assert.Equal(0, devices[1].ReadingsToday);
        Assert.Null(devices[2].LastFaultAt);
    }
}
