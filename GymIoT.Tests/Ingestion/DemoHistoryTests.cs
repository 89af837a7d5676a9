using GymIoT.Core.Readings;
using GymIoT.Core.Time;
using GymIoT.DeviceSimulator;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.DeviceSimulator.Gym;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class DemoHistoryTests
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly GymCalendar _calendar = new(new GymOptions());

    private DemoHistory History() => new(new SimulatedGym(new SimulatorOptions()), _calendar);

    [Fact]
    public void A_demo_members_day_is_the_same_readings_with_the_same_ids_whenever_it_is_made_so_sending_it_again_counts_nothing_twice()
    {
        var member = SimulatedGym.DemoMembers[0];
        var days = Enumerable.Range(1, 120).Select(n => Today.AddDays(-n)).ToList();

        var first = days.SelectMany(day => History().SessionsOn(member, day)).ToList();
        var again = days.SelectMany(day => History().SessionsOn(member, day)).ToList();

        Assert.Equal(first, again);
        Assert.Equal(first.Count, first.Select(r => r.ReadingId).Distinct().Count());
        Assert.InRange(days.Count(day => History().SessionsOn(member, day).Count > 0), 120 * 3 / 7, 120 * 5 / 7);
    }

    [Fact]
    public void Every_past_session_is_a_good_reading_within_its_gym_day()
    {
        var member = SimulatedGym.DemoMembers[1];
        var now = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        foreach (var day in Enumerable.Range(1, 60).Select(n => Today.AddDays(-n)))
        {
            foreach (var reading in History().SessionsOn(member, day))
            {
                Assert.IsType<AcceptedReading>(ReadingValidator.Validate(Misreadings.GoodBody(reading), reading.Machine, "m-1", now, now));
                Assert.Equal(day, _calendar.LocalDate(reading.StartedAt));
                Assert.Null(Identifiers.Problem(reading.ReadingId));
            }
        }
    }
}
