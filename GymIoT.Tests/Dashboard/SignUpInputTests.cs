using System.ComponentModel.DataAnnotations;
using GymIoT.Core.Calories;
using GymIoT.Dashboard.Accounts;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Dashboard;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class SignUpInputTests
{
    private static SignUpInput Valid() => new()
    {
        Username = "giulia90", Name = "Giulia", Surname = "Rossi", Sex = Sex.Female, BirthDate = new DateOnly(1990, 3, 1),
        WeightKg = 60, HeightCm = 165, Password = "long-enough", ConfirmPassword = "long-enough", Today = new DateOnly(2026, 11, 28),
    };

    private static List<string> Errors(SignUpInput input)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(input, new ValidationContext(input), results, validateAllProperties: true);
        if (results.Count == 0)
        {
            results.AddRange(input.Validate(new ValidationContext(input)));
        }
        return [.. results.Select(r => r.ErrorMessage!)];
    }

    [Fact]
    public void A_complete_form_is_valid() => Assert.Empty(Errors(Valid()));

    [Theory]
    [InlineData("abc")]
    [InlineData("has space")]
    [InlineData("")]
    public void The_username_needs_at_least_four_plain_characters(string username)
    {
        var input = Valid();
        input.Username = username;

        Assert.NotEmpty(Errors(input));
    }

    [Fact]
    public void The_two_passwords_must_match()
    {
        var input = Valid();
        input.ConfirmPassword = "something-else";

        Assert.Contains("The two passwords differ.", Errors(input));
    }

    [Fact]
    public void A_height_in_metres_is_caught()
    {
        var input = Valid();
        input.HeightCm = 1.75;

        Assert.Contains("The height must be between 100 and 250 cm.", Errors(input));
    }

    [Fact]
    public void Children_under_fourteen_cannot_sign_up()
    {
        var input = Valid();
        input.BirthDate = new DateOnly(2020, 1, 1);

        Assert.Contains("Members must be between 14 and 110 years old.", Errors(input));
    }
}
