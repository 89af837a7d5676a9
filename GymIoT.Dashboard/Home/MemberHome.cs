using System.Globalization;
using GymIoT.Core.Calories;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.Core.Machines;

namespace GymIoT.Dashboard.Home;

/// <summary>
/// What a member's home page shows, computed from their history, goal and training card: the card's steps today, the
/// month's progress on the card, figures and chart series.
/// </summary>
public sealed record MemberHome(
    TrainingCard Card,
    IReadOnlyList<StepToday> CardToday,
    double CardThresholdKcal,
    decimal TodayKcal,
    decimal TodayMinutes,
    IReadOnlyList<string> MachinesUsedToday,
    double DailyGoalKcal,
    decimal MonthKcal,
    int MonthSessions,
    bool HasHistory,
    IReadOnlyList<ChartSpec> Charts,
    MonthReview? LevelDown = null,
    string? WeakestMachine = null,
    IReadOnlyList<ChartSpec>? WeakestMachineCharts = null)
{
    public int DailyGoalPercent => CardProgress.Percent(TodayKcal, DailyGoalKcal);

    /// <summary>The progress bar: this month's kcal against the card's threshold.</summary>
    public int CardPercent => CardProgress.Percent(MonthKcal, CardThresholdKcal);

    /// <summary>The step to do next today; null when the card is done for today.</summary>
    public StepToday? NextStep => CardProgress.NextStep(CardToday);

    public bool CardThresholdReached => (double)MonthKcal >= CardThresholdKcal;

    /// <summary>Today's kcal against the daily goal, as a radial gauge (0–100).</summary>
    public ChartSpec GoalGauge => new("Today's goal", ChartSpec.RadialKind, ["of today's goal"], [new("goal", [DailyGoalPercent])]);

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12];

    /// <param name="levelDown">The review that moved the member down to <paramref name="card"/> this month, if one did.</param>
    public static MemberHome From(MemberHistory history, Member member, TrainingCard card, MonthReview? levelDown = null)
    {
        var today = history.TodayActivity;
        var month = history.ThisMonth;
        var year = history.Today.Year;
        var machines = MachineCatalogue.All.Select(m => m.DisplayName).ToList();

        ChartSpec PerMachine(string title, PeriodActivity period) => new(title, "bar", machines,
        [
            new("kcal", [.. QueueNames.Machines.Select(m => Round(period.Machines[m].Kcal))]),
            new("minutes", [.. QueueNames.Machines.Select(m => Round(period.Machines[m].Seconds / 60))]),
        ]);

        var lastThirtyDays = Enumerable.Range(0, 30).Select(i => history.Today.AddDays(i - 29)).ToList();
        return new MemberHome(
            card,
            CardProgress.StepsToday(card, QueueNames.Machines.ToDictionary(m => m, m => (double)today.Machines[m].Seconds / 60)),
            CardProgress.MonthlyThresholdKcal(card, member.WeightKg, history.Today.Year, history.Today.Month),
            Round(today.Kcal),
            Round(today.Seconds / 60),
            [.. QueueNames.Machines.Where(m => today.Machines[m].Sessions > 0).Select(m => MachineCatalogue.Of(m).DisplayName)],
            member.DailyGoalKcal,
            Round(month.Kcal),
            month.Sessions,
            !history.IsEmpty,
            [
                PerMachine("Today per machine", today),
                PerMachine("This month per machine", month),
                new("Calories per month", "bar", MonthNames,
                [
                    new(year.ToString(CultureInfo.InvariantCulture), [.. Enumerable.Range(1, 12).Select(m => Round(history.Month(year, m).Kcal))]),
                    new((year - 1).ToString(CultureInfo.InvariantCulture), [.. Enumerable.Range(1, 12).Select(m => Round(history.Month(year - 1, m).Kcal))]),
                ]),
                new("Calories by hour today", "bar", [.. Enumerable.Range(0, 24).Select(h => $"{h:00}")],
                [
                    new("kcal", [.. today.KcalByHour.Select(Round)]),
                ]),
                // Bars: each day is one measured total, and a curve between days would show values never measured.
                new("Calories over the last 30 days", "bar", [.. lastThirtyDays.Select(d => d.ToString("dd MMM", CultureInfo.InvariantCulture))],
                [
                    new("kcal", [.. lastThirtyDays.Select(d => Round(history.Day(d).Kcal))]),
                ]),
            ],
            levelDown,
            levelDown is null ? null : Home.WeakestMachine.Weakest(card, history),
            levelDown is null ? null : Home.WeakestMachine.Charts(card, member.WeightKg, history));
    }


    private static decimal Round(decimal value) => Math.Round(value, 1);
}
