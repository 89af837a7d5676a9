namespace GymIoT.Dashboard.Staff;

/// <summary>Links staff may follow (section <c>StaffTools</c>): the mail inbox and the database GUI of the embedded backend.</summary>
public sealed class StaffToolsOptions
{
    public const string SectionName = "StaffTools";

    public Uri? MailInbox { get; set; }

    public Uri? DatabaseAdmin { get; set; }
}
