namespace GymIoT.Core.Storage;

/// <summary>The DynamoDB tables of GymIoT.</summary>
public static class TableNames
{
    /// <summary>Members: profile, password hash, role and goals. Key: <c>MemberId</c>.</summary>
    public const string Members = "Members";

    /// <summary>Per-member aggregates by day (<c>D#yyyy-MM-dd</c>) and by month (<c>M#yyyy-MM</c>). Key: <c>MemberId</c>, <c>Period</c>.</summary>
    public const string MemberActivity = "MemberActivity";

    /// <summary>Per-device statistics and faults by day (<c>D#yyyy-MM-dd</c>). Key: <c>DeviceId</c>, <c>Period</c>; index <c>ByPeriod</c>.</summary>
    public const string DeviceActivity = "DeviceActivity";

    /// <summary>Which notification channel has taken which error report. Key: <c>ReportId</c>, <c>Channel</c>.</summary>
    public const string NotificationDeliveries = "NotificationDeliveries";

    /// <summary>The dashboard's Data Protection key ring, shared by its replicas and kept across restarts. Key: <c>FriendlyName</c>.</summary>
    public const string DataProtectionKeys = "DataProtectionKeys";

    /// <summary>Training cards created or edited by staff; the catalogue's cards are used where none is stored. Key: <c>CardId</c>.</summary>
    public const string TrainingCards = "TrainingCards";

    /// <summary>Every card a member has been on, from which local day and why. Key: <c>MemberId</c>, <c>Assignment</c> (<c>yyyy-MM-dd#assigned-at</c>).</summary>
    public const string CardAssignments = "CardAssignments";

    /// <summary>What a member decided about the month's offer of the next level's card. Key: <c>MemberId</c>, <c>Period</c> (<c>M#yyyy-MM</c>).</summary>
    public const string CardOffers = "CardOffers";

    /// <summary>The sessions the coach has seen, for the alerts of each member's day. Key: <c>MemberId</c>, <c>Session</c> (<c>yyyy-MM-dd#readingId</c>).</summary>
    public const string CoachSessions = "CoachSessions";

    /// <summary>Every alert raised for a member, once per cause. Key: <c>MemberId</c>, <c>AlertId</c> (<c>yyyy-MM-dd#kind#about</c>).</summary>
    public const string Alerts = "Alerts";

    /// <summary>The month-end review of each member: the verdict and the card it moved them to, once per month. Key: <c>MemberId</c>, <c>Period</c> (<c>M#yyyy-MM</c>).</summary>
    public const string MonthReviews = "MonthReviews";

    /// <summary>The queue of each running dashboard that wants live notices, and when it last said it is alive. Key: <c>QueueName</c>.</summary>
    public const string LiveListeners = "LiveListeners";

    /// <summary>
    /// How much of a limit each subject (a login at an address, a recipient's confirmation mails, the gym's sign-ups) has used
    /// in its window, across every dashboard replica. Key: <c>Subject</c>, a hash; items expire (<c>ExpiresAt</c>).
    /// </summary>
    public const string Throttles = "Throttles";

    /// <summary>
    /// Each signed-in session of an account, which its cookie names: a session logged out, or every session of an account
    /// locked, deleted or whose role changed, is gone, and its cookie stops working. Key: <c>MemberId</c>, <c>SessionId</c>;
    /// items expire (<c>ExpiresAt</c>).
    /// </summary>
    public const string AccountSessions = "AccountSessions";

    /// <summary>The members whose accounts are being deleted, until everything keyed by them has gone. Key: <c>MemberId</c>.</summary>
    public const string MemberErasures = "MemberErasures";

    public static IReadOnlyList<string> All { get; } =
        [Members, MemberActivity, DeviceActivity, NotificationDeliveries, DataProtectionKeys, TrainingCards, CardAssignments, CardOffers, CoachSessions, Alerts, MonthReviews, LiveListeners, Throttles, AccountSessions, MemberErasures];
}
