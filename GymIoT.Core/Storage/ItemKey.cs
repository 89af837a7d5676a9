using Amazon.DynamoDBv2.Model;

namespace GymIoT.Core.Storage;

/// <summary>The key of one item kept per member or device and period: an aggregate (a member's day or month, a device's day), or a member's month of coaching.</summary>
public sealed record ItemKey(string Table, string PartitionKeyName, string PartitionKey, string Period)
{
    public static ItemKey MemberPeriod(string memberId, string period) => new(TableNames.MemberActivity, KeyNames.MemberId, memberId, period);

    /// <summary>A member's item for the month of <paramref name="month"/> in <paramref name="table"/> (offers, month reviews).</summary>
    public static ItemKey MemberMonth(string table, string memberId, DateOnly month) => new(table, KeyNames.MemberId, memberId, Time.GymCalendar.MonthKey(month));

    public static ItemKey DevicePeriod(string deviceId, string period) => new(TableNames.DeviceActivity, KeyNames.DeviceId, deviceId, period);

    public Dictionary<string, AttributeValue> ToAttributes() => new()
    {
        [PartitionKeyName] = new AttributeValue { S = PartitionKey },
        [KeyNames.Period] = new AttributeValue { S = Period },
    };
}
