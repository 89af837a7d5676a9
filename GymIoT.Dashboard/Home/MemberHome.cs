using System.Globalization;
using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;

namespace GymIoT.Dashboard.Home;

/// <summary>What a member's home page shows, computed from their history and goal: figures, progress and chart series.</summary>
public sealed record MemberHome(
    decimal TodayKcal,
    decimal TodayMinutes,
    IReadOnlyList<string> MachinesUsedToday,
    double DailyGoalKcal,
    decimal MonthKcal,
    double MonthlyTargetKcal,
    bool HasHistory,
    IReadOnlyList<ChartSpec> Charts)
{
    public int DailyGoalPercent => Percent(TodayKcal, DailyGoalKcal);

    public int MonthlyTargetPercent => Percent(MonthKcal, MonthlyTargetKcal);

    public bool MonthlyTargetReached => (double)MonthKcal >= MonthlyTargetKcal;

    /// <summary>Today's kcal against the daily goal, as a radial gauge (0–100).</summary>
    public ChartSpec GoalGauge => new("Today's goal", ChartSpec.RadialKind, ["of today's goal"], [new("goal", [DailyGoalPercent])]);

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.AbbreviatedMonthNames[..12];

    public static MemberHome From(MemberHistory history, Member member)
    {
        var today = history.TodayActivity;
        var month = history.ThisMonth;
        var year = history.Today.Year;
        var machines = QueueNames.Machines.Select(Display).ToList();

        ChartSpec PerMachine(string title, PeriodActivity period) => new(title, "bar", machines,
        [
            new("kcal", [.. QueueNames.Machines.Select(m => Round(period.Machines[m].Kcal))]),
            new("minutes", [.. QueueNames.Machines.Select(m => Round(period.Machines[m].Seconds / 60))]),
        ]);

        var lastThirtyDays = Enumerable.Range(0, 30).Select(i => history.Today.AddDays(i - 29)).ToList();
        return new MemberHome(
            Round(today.Kcal),
            Round(today.Seconds / 60),
            [.. QueueNames.Machines.Where(m => today.Machines[m].Sessions > 0).Select(Display)],
            member.DailyGoalKcal,
            Round(month.Kcal),
            CalorieMath.MonthlyTargetKcal(member.DailyGoalKcal),
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
                new("Calories over the last 30 days", "area", [.. lastThirtyDays.Select(d => d.ToString("dd MMM", CultureInfo.InvariantCulture))],
                [
                    new("kcal", [.. lastThirtyDays.Select(d => Round(history.Day(d).Kcal))]),
                ]),
            ]);
    }

    /// <summary><c>Tapis_roulant</c> reads as "Tapis roulant".</summary>
    public static string Display(string machine) => machine.Replace('_', ' ');

    private static decimal Round(decimal value) => Math.Round(value, 1);

    private static int Percent(decimal value, double of) => of <= 0 ? 0 : (int)Math.Min(100, Math.Round((double)value / of * 100));
}
