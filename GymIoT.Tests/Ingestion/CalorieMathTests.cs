using GymIoT.Core.Calories;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class CalorieMathTests
{
    [Fact]
    public void Session_energy_is_MET_times_3_5_times_weight_over_200_per_minute()
    {
        // 7 MET, 70 kg, 30 min: 7 × 3.5 × 70 / 200 × 30 = 257.25 kcal
        Assert.Equal(257.25, CalorieMath.SessionKcal(7, 70, 30), 10);
    }

    [Fact]
    public void Mifflin_St_Jeor_takes_height_in_centimetres()
    {
        // Man, 80 kg, 180 cm, 30 years: 800 + 1125 - 150 + 5 = 1780
        Assert.Equal(1780, CalorieMath.BasalMetabolicRate(Sex.Male, 80, 180, 30), 10);
        // Woman, 60 kg, 165 cm, 25 years: 600 + 1031.25 - 125 - 161 = 1345.25
        Assert.Equal(1345.25, CalorieMath.BasalMetabolicRate(Sex.Female, 60, 165, 25), 10);
    }

    [Fact]
    public void The_monthly_target_is_three_workouts_a_week_for_four_weeks()
    {
        Assert.Equal(4800, CalorieMath.MonthlyTargetKcal(400));
    }

    [Fact]
    public void Impossible_bodies_are_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CalorieMath.SessionKcal(7, 0, 30));
        Assert.Throws<ArgumentOutOfRangeException>(() => CalorieMath.BasalMetabolicRate(Sex.Male, 80, -1, 30));
    }
}
