using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;
using GymIoT.Core.Time;

namespace GymIoT.Dashboard.Staff;

/// <summary>Every device's days, through the <c>ByPeriod</c> index: what the staff pages show.</summary>
public sealed class DeviceActivityReader(IAmazonDynamoDB dynamoDb)
{
    public async Task<IReadOnlyList<DeviceDay>> DayAsync(DateOnly date, CancellationToken cancellationToken = default) =>
        [.. (await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableNames.DeviceActivity,
            IndexName = KeyNames.DeviceActivityByPeriod,
            KeyConditionExpression = "#p = :p",
            ExpressionAttributeNames = new() { ["#p"] = KeyNames.Period, ["#d"] = KeyNames.DeviceId, ["#m"] = ActivityAttributes.Machine, ["#s"] = ActivityAttributes.Sessions, ["#r"] = ActivityAttributes.LastReadingAt, ["#f"] = ActivityAttributes.Faults, ["#l"] = ActivityAttributes.LastFault },
            ExpressionAttributeValues = new() { [":p"] = new() { S = GymCalendar.DayKey(date) } },
            ProjectionExpression = "#p, #d, #m, #s, #r, #f, #l",
        }, cancellationToken)).Select(DeviceDay.FromItem)];

    /// <summary>The last <paramref name="days"/> days up to <paramref name="today"/>, one query per day, newest first.</summary>
    public async Task<IReadOnlyList<DeviceDay>> RecentAsync(DateOnly today, int days, CancellationToken cancellationToken = default)
    {
        var all = await Task.WhenAll(Enumerable.Range(0, days).Select(back => DayAsync(today.AddDays(-back), cancellationToken)));
        return [.. all.SelectMany(d => d)];
    }
}
