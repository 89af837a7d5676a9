namespace GymIoT.Dashboard.Accounts;

/// <summary>Demo accounts (section <c>DemoAccounts</c>): the AppHost turns them on in Development only.</summary>
public sealed class DemoAccountOptions
{
    public const string SectionName = "DemoAccounts";

    public bool Enabled { get; set; }

    public string Password { get; set; } = "GymIoT-demo-1";
}
