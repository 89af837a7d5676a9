using GymIoT.Core.Coaching;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.Core.Machines;

namespace GymIoT.Dashboard.Home;

/// <summary>
/// What a member moved one level down is shown: per machine of the card, minutes and
/// kcal done against the card's target, today and this month so far, and the machine furthest behind.
/// </summary>
public static class WeakestMachine
{
    public static IReadOnlyList<ChartSpec> Charts(TrainingCard card, double weightKg, MemberHistory history)
    {
        var machines = card.Steps.Select(s => MachineCatalogue.Of(s.Machine).DisplayName).ToList();
        ChartSpec Chart(string title, PeriodActivity done, double workouts) => new(title, "bar", machines,
        [
            new("minutes done", [.. card.Steps.Select(s => Math.Round(done.Machines[s.Machine].Seconds / 60, 1))]),
            new("minutes on the card", [.. card.Steps.Select(s => Math.Round((decimal)(s.Minutes * workouts), 1))]),
            new("kcal done", [.. card.Steps.Select(s => Math.Round(done.Machines[s.Machine].Kcal, 1))]),
            new("kcal on the card", [.. card.Steps.Select(s => Math.Round((decimal)(CardProgress.StepKcal(s, weightKg) * workouts), 1))]),
        ]);
        return
        [
            Chart("Your card's machines today", history.TodayActivity, 1),
            Chart("Your card's machines this month so far", history.ThisMonth, WorkoutsSoFar(card, history.Today)),
        ];
    }

    /// <summary>The card's machine with the smallest share of its minutes done this month so far.</summary>
    public static string Weakest(TrainingCard card, MemberHistory history)
    {
        var workouts = WorkoutsSoFar(card, history.Today);
        return card.Steps
            .OrderBy(s => (double)history.ThisMonth.Machines[s.Machine].Seconds / 60 / (s.Minutes * workouts))
            .Select(s => s.Machine)
            .First();
    }

    /// <summary>The card's workouts due from the 1st through today: workouts a week × days so far / 7.</summary>
    private static double WorkoutsSoFar(TrainingCard card, DateOnly today) => card.WorkoutsPerWeek * today.Day / 7.0;
}
