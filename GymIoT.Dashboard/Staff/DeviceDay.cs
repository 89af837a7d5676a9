using System.Globalization;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Dashboard.Staff;

/// <summary>One device's day: readings stored, faults reported, the last of each.</summary>
public sealed record DeviceDay(string DeviceId, string Period, string? Machine, int Sessions, int Faults, DateTimeOffset? LastReadingAt, DateTimeOffset? LastFaultAt, string? LastFaultReason)
{
    public static DeviceDay FromItem(Dictionary<string, AttributeValue> item)
    {
        int Number(string name) => item.TryGetValue(name, out var value) && value.N is { } n ? (int)decimal.Parse(n, CultureInfo.InvariantCulture) : 0;
        DateTimeOffset? Time(string? text) => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time) ? time : null;
        var lastFault = item.GetValueOrDefault(ActivityAttributes.LastFault)?.S?.Split('|', 2);
        return new DeviceDay(
            item[KeyNames.DeviceId].S,
            item[KeyNames.Period].S,
            item.GetValueOrDefault(ActivityAttributes.Machine)?.S,
            Number(ActivityAttributes.Sessions),
            Number(ActivityAttributes.Faults),
            Time(item.GetValueOrDefault(ActivityAttributes.LastReadingAt)?.S),
            Time(lastFault?[0]),
            lastFault is { Length: 2 } ? lastFault[1] : null);
    }
}
