using GymIoT.Core.Calories;
using GymIoT.Core.Machines;

namespace GymIoT.Core.Coaching;

/// <summary>A card's thresholds for one member, and where a day of training stands on it.</summary>
public static class CardProgress
{
    /// <summary>kcal of one workout done as the card says: Σ over steps of MET (middle of the machine's range) × 3.5 × weight / 200 × minutes.</summary>
    public static double KcalPerWorkout(TrainingCard card, double weightKg) => card.Steps.Sum(step => StepKcal(step, weightKg));

    /// <summary>kcal of one step done as the card says.</summary>
    public static double StepKcal(CardStep step, double weightKg) =>
        CalorieMath.SessionKcal(MachineCatalogue.Of(step.Machine).MidMet, weightKg, step.Minutes);

    /// <summary>The month's threshold: a workout's kcal × workouts a week × days in the month / 7.</summary>
    public static double MonthlyThresholdKcal(TrainingCard card, double weightKg, int year, int month) =>
        KcalPerWorkout(card, weightKg) * card.WorkoutsPerWeek * DateTime.DaysInMonth(year, month) / 7;

    /// <summary>Each step of the card with the minutes done today on its machine.</summary>
    public static IReadOnlyList<StepToday> StepsToday(TrainingCard card, IReadOnlyDictionary<string, double> minutesToday) =>
        [.. card.Steps.Select(step => new StepToday(step, minutesToday.GetValueOrDefault(step.Machine)))];

    /// <summary>The card's next step: the first whose machine has fewer minutes today than it asks; null when the card is done for today.</summary>
    public static StepToday? NextStep(IEnumerable<StepToday> stepsToday) => stepsToday.FirstOrDefault(s => !s.IsDone);

    public static StepToday? NextStep(TrainingCard card, IReadOnlyDictionary<string, double> minutesToday) => NextStep(StepsToday(card, minutesToday));

    /// <summary>How far <paramref name="value"/> is towards <paramref name="of"/>, as a whole percentage up to 100.</summary>
    public static int Percent(decimal value, double of) => of <= 0 ? 0 : (int)Math.Min(100, Math.Round((double)value / of * 100));
}

/// <summary>One step of a card and the minutes done today on its machine.</summary>
public sealed record StepToday(CardStep Step, double MinutesDone)
{
    public bool IsDone => MinutesDone >= Step.Minutes;
}
