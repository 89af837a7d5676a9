using System.ComponentModel.DataAnnotations;

namespace GymIoT.Dashboard.Accounts;

/// <summary>What a member may change on their profile.</summary>
public sealed class ProfileInput
{
    [Required(ErrorMessage = "Enter your weight."), Range(30, 300, ErrorMessage = "The weight must be between 30 and 300 kg.")]
    public double? WeightKg { get; set; }

    [Required(ErrorMessage = "Enter your height."), Range(100, 250, ErrorMessage = "The height must be between 100 and 250 cm.")]
    public double? HeightCm { get; set; }

    [Required(ErrorMessage = "Enter your date of birth.")]
    public DateOnly? BirthDate { get; set; }

    [Required(ErrorMessage = "Set a daily goal."), Range(50, 3000, ErrorMessage = "The daily goal must be between 50 and 3000 kcal.")]
    public double? DailyGoalKcal { get; set; }
}
