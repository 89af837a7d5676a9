using System.ComponentModel.DataAnnotations;
using GymIoT.Core.Members;

namespace GymIoT.Dashboard.Accounts;

/// <summary>The address a member gives for their emails.</summary>
public sealed class EmailInput
{
    [MemberEmail]
    public string? Address { get; set; }
}

/// <summary>Checks an address with <see cref="EmailAddressRules"/>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MemberEmailAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        EmailAddressRules.Check(value as string) is { } problem ? new ValidationResult(problem, [validationContext.MemberName!]) : ValidationResult.Success;
}
