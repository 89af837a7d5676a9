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
    double DailyGoalKcal = CalorieMath.DefaultDailyGoalKcal);
