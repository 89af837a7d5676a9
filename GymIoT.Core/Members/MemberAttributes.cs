namespace GymIoT.Core.Members;

/// <summary>The attributes of a <c>Members</c> item (key: <see cref="Storage.KeyNames.MemberId"/>): the profile, then the account.</summary>
public static class MemberAttributes
{
    public const string Name = "Name";
    public const string Surname = "Surname";
    public const string Sex = "Sex";

    /// <summary>A date as <see cref="Storage.StoredDate"/> writes it.</summary>
    public const string BirthDate = "BirthDate";
    public const string WeightKg = "WeightKg";
    public const string HeightCm = "HeightCm";
    public const string Role = "Role";
    public const string DailyGoalKcal = "DailyGoalKcal";

    /// <summary>The member's email address (<see cref="MemberEmail"/>), whether its link was followed, and whether alerts go to it.</summary>
    public const string Email = "Email";
    public const string EmailConfirmed = "EmailConfirmed";
    public const string AlertEmails = "AlertEmails";

    /// <summary>When the last confirmation link was sent (a time as <see cref="Storage.StoredTime"/> writes it).</summary>
    public const string EmailLinkSentAt = "EmailLinkSentAt";

    /// <summary>A demo member's history has been sent up to and including this day (a date as <see cref="Storage.StoredDate"/> writes it).</summary>
    public const string HistorySentThrough = "HistorySentThrough";

    /// <summary>Set once, at sign-up or by the demo seeder.</summary>
    public const string PasswordHash = "PasswordHash";

    /// <summary>
    /// The member asked for their account to be deleted at this time (as <see cref="Storage.StoredTime"/> writes it): from
    /// then on nothing treats them as a member, and the item goes once everything keyed by them has gone.
    /// </summary>
    public const string ErasingSince = "ErasingSince";

    /// <summary>Staff locked the account: it signs in nowhere until they unlock it.</summary>
    public const string AccountLocked = "AccountLocked";
}
