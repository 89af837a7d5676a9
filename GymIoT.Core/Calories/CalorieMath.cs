namespace GymIoT.Core.Calories;

public enum Sex
{
    Female,
    Male,
}

/// <summary>The calorie formulas GymIoT uses.</summary>
public static class CalorieMath
{
    /// <summary>Energy of an activity: MET × 3.5 × weight (kg) / 200 per minute.</summary>
    public static double SessionKcal(double met, double weightKg, double minutes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(met);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightKg);
        ArgumentOutOfRangeException.ThrowIfNegative(minutes);
        return met * 3.5 * weightKg / 200 * minutes;
    }

    /// <summary>Resting energy need per day by Mifflin–St Jeor, with height in centimetres.</summary>
    public static double BasalMetabolicRate(Sex sex, double weightKg, double heightCm, int ageYears)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(weightKg);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(heightCm);
        ArgumentOutOfRangeException.ThrowIfNegative(ageYears);
        return 10 * weightKg + 6.25 * heightCm - 5 * ageYears + (sex == Sex.Male ? 5 : -161);
    }

    /// <summary>The monthly target of the original project: the daily workout goal × 3 workouts a week × 4 weeks.</summary>
    public static double MonthlyTargetKcal(double dailyGoalKcal) => dailyGoalKcal * 3 * 4;

    /// <summary>A workout goal for a member nobody has set one for yet.</summary>
    public const double DefaultDailyGoalKcal = 400;
}
