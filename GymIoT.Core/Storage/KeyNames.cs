namespace GymIoT.Core.Storage;

/// <summary>Key attribute and index names shared by the store and the table definitions.</summary>
public static class KeyNames
{
    public const string MemberId = "MemberId";
    public const string DeviceId = "DeviceId";
    public const string Period = "Period";
    public const string ReportId = "ReportId";
    public const string Channel = "Channel";
    public const string FriendlyName = "FriendlyName";
    public const string CardId = "CardId";
    public const string Assignment = "Assignment";
    public const string Session = "Session";
    public const string AlertId = "AlertId";
    public const string QueueName = "QueueName";
    public const string Subject = "Subject";
    public const string SessionId = "SessionId";

    /// <summary>When an item may go, in seconds since 1970: DynamoDB's time to live deletes it after that (AWS only).</summary>
    public const string ExpiresAt = "ExpiresAt";

    /// <summary>Global secondary index of <see cref="TableNames.DeviceActivity"/>: every device's item for one period.</summary>
    public const string DeviceActivityByPeriod = "ByPeriod";
}
