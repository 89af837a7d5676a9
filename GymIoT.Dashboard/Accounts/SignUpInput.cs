using System.ComponentModel.DataAnnotations;
using GymIoT.Core.Calories;

namespace GymIoT.Dashboard.Accounts;

/// <summary>What a new member enters to sign up; every rule has a message that says how to put it right.</summary>
public sealed class SignUpInput : IValidatableObject
{
    [Required(ErrorMessage = "Choose a username.")]
    [RegularExpression("^[A-Za-z0-9._-]{4,32}$", ErrorMessage = "The username needs 4 to 32 letters, digits, dots, dashes or underscores.")]
    public string Username { get; set; } = "";

    [Required(ErrorMessage = "Enter your name."), StringLength(60, ErrorMessage = "The name is too long.")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Enter your surname."), StringLength(60, ErrorMessage = "The surname is too long.")]
    public string Surname { get; set; } = "";

    [Required(ErrorMessage = "Choose a sex: the energy formulas depend on it.")]
    public Sex? Sex { get; set; }

    [Required(ErrorMessage = "Enter your date of birth.")]
    public DateOnly? BirthDate { get; set; }

    [Required(ErrorMessage = "Enter your weight."), Range(30, 300, ErrorMessage = "The weight must be between 30 and 300 kg.")]
    public double? WeightKg { get; set; }

    [Required(ErrorMessage = "Enter your height."), Range(100, 250, ErrorMessage = "The height must be between 100 and 250 cm.")]
    public double? HeightCm { get; set; }

    [Required(ErrorMessage = "Choose a password."), StringLength(128, MinimumLength = 8, ErrorMessage = "The password needs at least 8 characters.")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Enter the password again."), Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
    public string ConfirmPassword { get; set; } = "";

    /// <summary>Set by the page from the clock, so the age rule can be checked.</summary>
    public DateOnly Today { get; set; } = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (BirthDate is { } birth && (birth > Today.AddYears(-14) || birth < Today.AddYears(-110)))
        {
            yield return new ValidationResult("Members must be between 14 and 110 years old.", [nameof(BirthDate)]);
        }
    }
}
