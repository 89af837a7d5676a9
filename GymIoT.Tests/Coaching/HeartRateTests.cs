using GymIoT.Aggregator.Readings;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;
using GymIoT.Core.Time;
using GymIoT.Dashboard.Home;
using GymIoT.DeviceSimulator;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.DeviceSimulator.Gym;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Coaching;

/// <summary>Heart rate: the zones of the coaching rules, the simulated sensors' pulse, and the day's trend on the member home.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class HeartRateTests
{
    private static readonly GymCalendar Calendar = new(new GymOptions());

    [Fact]
    public void The_zones_are_50_to_100_percent_of_208_minus_0_7_times_the_age_in_five_steps()
    {
        var zones = HeartRateZones.For(40);

        Assert.Equal(180, HeartRateZones.MaximumFor(40));
        Assert.Equal([1, 2, 3, 4, 5], zones.Select(z => z.Number));
        Assert.Equal([90.0, 108, 126, 144, 162], zones.Select(z => z.FromBpm));
        Assert.Equal([108.0, 126, 144, 162, 180], zones.Select(z => z.ToBpm));
    }

    [Fact]
    public void A_simulated_session_has_a_pulse_for_each_started_minute_that_warms_up_and_stays_within_the_members_zones()
    {
        var gym = new SimulatedGym(new SimulatorOptions { RandomSeed = 1 });
        var random = new Random(2);
        var endedAt = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

        foreach (var member in gym.Members.Take(40))
        {
            var reading = SessionFactory.Session(member, gym.Devices[random.Next(gym.Devices.Count)], endedAt, random, 20);
            var pulse = reading.HeartRatePerMinute!;
            var maximum = HeartRateZones.MaximumFor(member.AgeOn(new DateOnly(2026, 12, 1)));

            Assert.Equal((int)Math.Ceiling(reading.DurationSeconds / 60), pulse.Count);
            Assert.Equal((int)Math.Round(pulse.Average()), reading.AvgHeartRate);
            Assert.True(pulse[0] < pulse.Skip(5).Average(), $"{member.MemberId} does not warm up: {string.Join(",", pulse)}");
            Assert.All(pulse, bpm => Assert.InRange(bpm, 60, maximum));
            Assert.IsType<AcceptedReading>(ReadingValidator.Validate(Misreadings.GoodBody(reading), reading.Machine, "m-1", endedAt, endedAt));
        }
    }

    [Fact]
    public void The_days_trend_runs_minute_by_minute_in_gym_time_across_the_sessions_in_the_order_they_started_over_the_zones()
    {
        var morning = new DateTimeOffset(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
        TrainingSession[] sessions =
        [
            new("r-2", "Spin_bike", morning.AddHours(2), 2, [140, 150]),
            new("r-0", "Cyclette", morning.AddHours(1), 5),
            new("r-1", "Cyclette", morning, 3, [100, 110, 120]),
        ];

        var chart = HeartRateTrend.Of(sessions, 40, Calendar)!;

        Assert.Equal(["09:00", "09:01", "09:02", "11:00", "11:01"], chart.Categories);
        Assert.Equal([100m, 110, 120, 140, 150], Assert.Single(chart.Series).Data);
        Assert.Equal(5, chart.Bands!.Count);
        Assert.Equal(("zone 1 · very light", 90m, 108m), (chart.Bands[0].Label, chart.Bands[0].From, chart.Bands[0].To));
        Assert.Null(HeartRateTrend.Of([sessions[1]], 40, Calendar));
    }
}
