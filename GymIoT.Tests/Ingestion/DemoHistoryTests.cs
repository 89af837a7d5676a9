using GymIoT.Aggregator.Readings;
using GymIoT.Core.Coaching;
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

        var first = days.SelectMany(day => History().SessionsOn(member, day, Today)).ToList();
        var again = days.SelectMany(day => History().SessionsOn(member, day, Today)).ToList();

        // As sent: the same bodies, heart rate minute by minute included.
        Assert.Equal(first.Select(Misreadings.GoodBody), again.Select(Misreadings.GoodBody));
        Assert.Equal(first.Count, first.Select(r => r.ReadingId).Distinct().Count());
        Assert.InRange(days.Count(day => History().SessionsOn(member, day, Today).Count > 0), 120 * 2 / 7, 120 * 5 / 7);
    }

    [Fact]
    public void Every_past_session_is_a_good_reading_within_its_gym_day()
    {
        var member = SimulatedGym.DemoMembers[1];
        var now = new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

        foreach (var day in Enumerable.Range(1, 60).Select(n => Today.AddDays(-n)))
        {
            foreach (var reading in History().SessionsOn(member, day, Today))
            {
                Assert.IsType<AcceptedReading>(ReadingValidator.Validate(Misreadings.GoodBody(reading), reading.Machine, "m-1", now, now));
                Assert.Equal(day, _calendar.LocalDate(reading.StartedAt));
                Assert.Null(Identifiers.Problem(reading.ReadingId));
            }
        }
    }

    [Fact]
    public void The_demo_members_train_their_cards_and_the_month_end_rule_moves_alex_down_from_this_month_while_daria_stays()
    {
        var (alex, daria) = (SimulatedGym.DemoMembers[0], SimulatedGym.DemoMembers[1]);
        var lastMonth = new DateOnly(2026, 11, 1);

        Assert.Equal(["foundation"], DemoCards.Story(alex, Today, _calendar).Select(a => a.CardId));
        Assert.Equal([(new DateOnly(2026, 6, 1), "foundation"), (new DateOnly(2026, 10, 1), "endurance")], DemoCards.Story(daria, Today, _calendar).Select(a => (a.From, a.CardId)));
        Assert.All(DemoCards.Story(daria, Today, _calendar), a => Assert.Equal((AssignmentCause.AcceptedOffer, daria.MemberId), (a.Cause, a.By)));
        // A day's sessions are its card's steps in order, sometimes with one more on any machine.
        var steps = DemoCards.CardOn(daria, lastMonth, Today, _calendar).Steps.Select(s => s.Machine).ToList();
        Assert.All(Enumerable.Range(0, 30).Select(d => History().SessionsOn(daria, lastMonth.AddDays(d), Today)).Where(s => s.Count > 0),
            day => Assert.Equal(steps, day.Take(steps.Count).Select(r => r.Machine)));

        Assert.Equal(MonthVerdict.Stalled, Verdict(alex, lastMonth));
        Assert.Empty(Enumerable.Range(12, 18).SelectMany(d => History().SessionsOn(alex, lastMonth.AddDays(d), Today)));
        Assert.Equal(MonthVerdict.Reached, Verdict(daria, lastMonth));
    }

    private MonthVerdict Verdict(Core.Members.Member member, DateOnly month)
    {
        var days = Enumerable.Range(0, DateTime.DaysInMonth(month.Year, month.Month)).Select(d => month.AddDays(d)).ToList();
        decimal Kcal(IEnumerable<DateOnly> some) => some.SelectMany(d => History().SessionsOn(member, d, Today)).Sum(r => (decimal)r.CaloriesKcal);
        var card = DemoCards.CardOn(member, days[^1], Today, _calendar);
        var previous = Enumerable.Range(0, DateTime.DaysInMonth(month.AddMonths(-1).Year, month.AddMonths(-1).Month)).Select(d => month.AddMonths(-1).AddDays(d));
        return MonthEndRule.Judge(CardProgress.MonthlyThresholdKcal(card, member.WeightKg, month.Year, month.Month),
            Kcal(days), days.Sum(d => History().SessionsOn(member, d, Today).Count), Kcal(days.TakeLast(MonthEndRule.StallDays)), Kcal(previous));
    }
}
