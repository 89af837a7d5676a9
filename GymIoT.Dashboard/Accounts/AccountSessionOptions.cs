using System.ComponentModel.DataAnnotations;

namespace GymIoT.Dashboard.Accounts;

/// <summary>How often a signed-in session's grounds are checked again (section <c>Accounts</c>).</summary>
public sealed class AccountSessionOptions
{
    public const string SectionName = "Accounts";

    /// <summary>
    /// A cookie or an open page whose session was ended, or whose account was locked, deleted or given another role,
    /// stops working within this time: one request an open session this often, on every replica.
    /// </summary>
    [Range(1, 600)]
    public int SessionCheckSeconds { get; set; } = 60;

    public TimeSpan CheckEvery => TimeSpan.FromSeconds(SessionCheckSeconds);
}
