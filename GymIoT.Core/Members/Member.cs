using GymIoT.Core.Calories;

namespace GymIoT.Core.Members;

public enum MemberRole
{
    Member,
    Staff,
}

/// <summary>A person registered at the gym: a member who trains, or staff.</summary>
public sealed record Member(
    string MemberId,
    string Name,
    string Surname,
    Sex Sex,
    DateOnly BirthDate,
    double WeightKg,
    double HeightCm,
    MemberRole Role = MemberRole.Member,
    double DailyGoalKcal = CalorieMath.DefaultDailyGoalKcal)
{
    /// <summary>Whole years of age on <paramref name="day"/>.</summary>
    public int AgeOn(DateOnly day) => day.Year - BirthDate.Year - (day < BirthDate.AddYears(day.Year - BirthDate.Year) ? 1 : 0);
}
