namespace GymIoT.Core.Coaching;

/// <summary>The attributes of a <c>TrainingCards</c> item (key: <see cref="Storage.KeyNames.CardId"/>).</summary>
public static class CardAttributes
{
    public const string Name = "Name";
    public const string Level = "Level";
    public const string WorkoutsPerWeek = "WorkoutsPerWeek";
    public const string DailyCapMinutes = "DailyCapMinutes";

    /// <summary>The steps in order: a list of maps with <see cref="Machine"/> and <see cref="Minutes"/>.</summary>
    public const string Steps = "Steps";
    public const string Machine = "Machine";
    public const string Minutes = "Minutes";
}

/// <summary>
/// The attributes of a <c>CardAssignments</c> item (key: <see cref="Storage.KeyNames.MemberId"/>,
/// <see cref="Storage.KeyNames.Assignment"/> = the local day it applies from, <c>#</c>, when it was made).
/// </summary>
public static class AssignmentAttributes
{
    public const string CardId = "CardId";
    public const string Cause = "Cause";

    /// <summary>Who made it: the staff member, or the member accepting an offer; absent for GymIoT's own changes.</summary>
    public const string By = "By";
}

/// <summary>The attributes of a <c>CardOffers</c> item (key: <see cref="Storage.KeyNames.MemberId"/>, <see cref="Storage.KeyNames.Period"/> = the month).</summary>
public static class OfferAttributes
{
    public const string Decision = "Decision";
    public const string OfferedCardId = "OfferedCardId";
    public const string DecidedAt = "DecidedAt";
}

/// <summary>The attributes of an <c>Alerts</c> item (key: <see cref="Storage.KeyNames.MemberId"/>, <see cref="Storage.KeyNames.AlertId"/>).</summary>
public static class AlertAttributes
{
    public const string Kind = "Kind";
    public const string Message = "Message";
    public const string ReadingId = "ReadingId";
    public const string RaisedAt = "RaisedAt";

    /// <summary>What became of the alert's email, once seen to: <see cref="AlertMail"/>.</summary>
    public const string MailOutcome = "MailOutcome";
}

/// <summary>The outcomes an alert's email is marked with.</summary>
public static class AlertMail
{
    public const string Sent = "Sent";

    /// <summary>The member had no confirmed address with alert emails on when the alert was raised.</summary>
    public const string NotWanted = "NotWanted";

    /// <summary>No mail server is configured.</summary>
    public const string NoMailServer = "NoMailServer";
}

/// <summary>The attributes of a <c>MonthReviews</c> item (key: <see cref="Storage.KeyNames.MemberId"/>, <see cref="Storage.KeyNames.Period"/> = the month reviewed).</summary>
public static class ReviewAttributes
{
    public const string Verdict = "Verdict";
    public const string CardId = "CardId";
    public const string Percent = "Percent";

    /// <summary>Absent when the member stays on their card.</summary>
    public const string LevelDownCardId = "LevelDownCardId";
    public const string ReviewedAt = "ReviewedAt";
}
