using GymIoT.Core.Calories;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.Dashboard.Home;
using GymIoT.Tests.Infrastructure;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Dashboard;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class MemberHomeTests
{
    private static readonly Member Alex = new("xzan8189", "Alex", "Zanetti", Sex.Male, new DateOnly(1998, 4, 12), 78, 180, DailyGoalKcal: 500);
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static PeriodActivity Period(string period, decimal cyclette, decimal spin, params (int Hour, decimal Kcal)[] hours)
    {
        var empty = PeriodActivity.Empty(period);
        var machines = new Dictionary<string, MachineActivity>(empty.Machines)
        {
            ["Cyclette"] = new(cyclette, cyclette * 6, cyclette > 0 ? 1 : 0),
            ["Spin_bike"] = new(spin, spin * 4, spin > 0 ? 1 : 0),
        };
        var byHour = new decimal[24];
        foreach (var (hour, kcal) in hours)
        {
            byHour[hour] = kcal;
        }
        return new PeriodActivity(period, cyclette + spin, cyclette * 6 + spin * 4, machines.Values.Sum(m => m.Sessions), machines, byHour);
    }

    private static MemberHome Home(MonthReview? levelDown = null) => MemberHome.From(new MemberHistory(Today,
        [Period("D#2026-11-27", 100, 0), Period("D#2026-11-28", 200, 150, (7, 200), (18, 150))],
        [Period("M#2025-11", 900, 0), Period("M#2026-01", 1000, 500), Period("M#2026-11", 3000, 2000)]), Alex, CardCatalogue.Starter, levelDown);

    [Fact]
    public void A_member_moved_down_sees_each_machine_of_the_card_against_its_target_today_and_this_month_so_far()
    {
        var review = new MonthReview(Alex.MemberId, new DateOnly(2026, 10, 1), MonthVerdict.Stalled, "foundation", 40, "starter", DateTimeOffset.UnixEpoch);

        var home = Home(review);

        Assert.Null(Home().WeakestMachineCharts);
        Assert.Equal(review, home.LevelDown);
        // The starter card: Cyclette 15 min, then Elliptical bike 15 min, twice a week; 28 days into November.
        Assert.Equal(MachineCatalogue.EllipticalBike.Name, home.WeakestMachine);
        var (today, month) = (home.WeakestMachineCharts![0], home.WeakestMachineCharts[1]);
        Assert.Equal(["Cyclette", "Elliptical bike"], today.Categories);
        Assert.Equal(["minutes done", "minutes on the card", "kcal done", "kcal on the card"], today.Series.Select(s => s.Name));
        Assert.Equal([20m, 0m], today.Series[0].Data);
        Assert.Equal([15m, 15m], today.Series[1].Data);
        Assert.Equal([200m, 0m], today.Series[2].Data);
        Assert.Equal(Math.Round((decimal)CardProgress.StepKcal(CardCatalogue.Starter.Steps[0], Alex.WeightKg), 1), today.Series[3].Data[0]);
        Assert.Equal([300m, 0m], month.Series[0].Data);
        Assert.Equal([120m, 120m], month.Series[1].Data);
    }

    [Fact]
    public void Today_is_measured_against_the_daily_goal()
    {
        var home = Home();

        Assert.Equal(350, home.TodayKcal);
        Assert.Equal(30, home.TodayMinutes);
        Assert.Equal(70, home.DailyGoalPercent);
        Assert.Equal(["Cyclette", "Spin bike"], home.MachinesUsedToday);
        Assert.Equal(ChartSpec.RadialKind, home.GoalGauge.Kind);
        Assert.Equal([70m], Assert.Single(home.GoalGauge.Series).Data);
    }

    [Fact]
    public void The_month_is_measured_against_the_cards_threshold_for_the_members_weight()
    {
        var home = Home();
        var threshold = CardProgress.MonthlyThresholdKcal(CardCatalogue.Starter, Alex.WeightKg, 2026, 11);

        Assert.Equal(threshold, home.CardThresholdKcal);
        Assert.Equal(5000, home.MonthKcal);
        Assert.Equal(2, home.MonthSessions);
        Assert.Equal((int)Math.Min(100, Math.Round(5000 / threshold * 100)), home.CardPercent);
        Assert.Equal(5000 >= threshold, home.CardThresholdReached);
    }

    [Fact]
    public void Todays_steps_of_the_card_show_what_is_done_and_what_is_next()
    {
        var home = Home();

        // 200 kcal on the Cyclette is 20 minutes today: the starter card's 15 are done, the Elliptical bike is next.
        Assert.Equal([MachineCatalogue.Cyclette.Name, MachineCatalogue.EllipticalBike.Name], home.CardToday.Select(s => s.Step.Machine));
        Assert.True(home.CardToday[0].IsDone);
        Assert.Equal(MachineCatalogue.EllipticalBike.Name, home.NextStep!.Step.Machine);
    }

    [Fact]
    public void Charts_carry_the_members_own_numbers()
    {
        var charts = Home().Charts.ToDictionary(c => c.Title);

        Assert.Equal([200m, 0m, 0m, 150m], charts["Today per machine"].Series[0].Data);
        Assert.Equal([20m, 0m, 0m, 10m], charts["Today per machine"].Series[1].Data);
        var months = charts["Calories per month"];
        Assert.Equal(["2026", "2025"], months.Series.Select(s => s.Name));
        Assert.Equal(1500m, months.Series[0].Data[0]);
        Assert.Equal(5000m, months.Series[0].Data[10]);
        Assert.Equal(900m, months.Series[1].Data[10]);
        Assert.Equal(200m, charts["Calories by hour today"].Series[0].Data[7]);
        var days = charts["Calories over the last 30 days"];
        Assert.Equal(30, days.Categories.Count);
        Assert.Equal("28 Nov", days.Categories[^1]);
        Assert.Equal([100m, 350m], days.Series[0].Data.TakeLast(2));
    }

    [Fact]
    public void A_member_without_history_is_told_so()
    {
        var home = MemberHome.From(new MemberHistory(Today, [], []), Alex, CardCatalogue.Starter);

        Assert.False(home.HasHistory);
        Assert.Equal(0, home.DailyGoalPercent);
        Assert.All(home.Charts, chart => Assert.All(chart.Series, s => Assert.All(s.Data, value => Assert.Equal(0m, value))));
    }
}
