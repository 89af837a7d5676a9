using Amazon.DynamoDBv2.Model;

namespace GymIoT.Core.Storage;

/// <summary>The key of one aggregate item: a member's day or month, or a device's day.</summary>
public sealed record ItemKey(string Table, string PartitionKeyName, string PartitionKey, string Period)
{
    public static ItemKey MemberPeriod(string memberId, string period) => new(TableNames.MemberActivity, KeyNames.MemberId, memberId, period);

    public static ItemKey DevicePeriod(string deviceId, string period) => new(TableNames.DeviceActivity, KeyNames.DeviceId, deviceId, period);

    public Dictionary<string, AttributeValue> ToAttributes() => new()
    {
        [PartitionKeyName] = new AttributeValue { S = PartitionKey },
        [KeyNames.Period] = new AttributeValue { S = Period },
    };
}
