using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Coaching;

/// <summary>
/// The <c>CoachSessions</c> table: each session of today the coach has seen, one item per reading under the member's day,
/// so the alerts of a session are judged against the whole day, and the member home draws the day's heart rate. The coach
/// writes it; recording a session twice writes the same item.
/// </summary>
public sealed class CoachSessionStore(IAmazonDynamoDB dynamoDb)
{
    private const string Machine = "Machine";
    private const string StartedAt = "StartedAt";
    private const string Minutes = "Minutes";

    /// <summary>The heart rate of each started minute, in order: a list of numbers.</summary>
    private const string HeartRate = "HeartRate";

    public Task RecordAsync(string memberId, DateOnly day, TrainingSession session, CancellationToken cancellationToken)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [KeyNames.MemberId] = new() { S = memberId },
            [KeyNames.Session] = new() { S = $"{StoredDate.Of(day)}#{session.ReadingId}" },
            [Machine] = new() { S = session.Machine },
            [StartedAt] = new() { S = StoredTime.Of(session.StartedAt) },
            [Minutes] = new() { N = session.Minutes.ToString(CultureInfo.InvariantCulture) },
        };
        if (session.HeartRatePerMinute is { Count: > 0 } heartRate)
        {
            item[HeartRate] = new() { L = [.. heartRate.Select(bpm => new AttributeValue { N = bpm.ToString(CultureInfo.InvariantCulture) })] };
        }
        return dynamoDb.PutItemAsync(new PutItemRequest { TableName = TableNames.CoachSessions, Item = item }, cancellationToken);
    }

    /// <summary>The member's sessions of the day the coach has seen, in no particular order.</summary>
    /// <param name="withHeartRate">
    /// False leaves each session's heart rate out (null): the alerts need none, and a day's heart rate is most of what its
    /// items hold.
    /// </param>
    public async Task<IReadOnlyList<TrainingSession>> OnAsync(string memberId, DateOnly day, bool withHeartRate = true, CancellationToken cancellationToken = default)
    {
        var items = await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableNames.CoachSessions,
            KeyConditionExpression = "#m = :m AND begins_with(#s, :day)",
            ExpressionAttributeNames = withHeartRate
                ? new() { ["#m"] = KeyNames.MemberId, ["#s"] = KeyNames.Session }
                : new() { ["#m"] = KeyNames.MemberId, ["#s"] = KeyNames.Session, ["#machine"] = Machine, ["#started"] = StartedAt, ["#minutes"] = Minutes },
            ExpressionAttributeValues = new() { [":m"] = new() { S = memberId }, [":day"] = new() { S = $"{StoredDate.Of(day)}#" } },
            ProjectionExpression = withHeartRate ? null : "#s, #machine, #started, #minutes",
            ConsistentRead = true,
        }, cancellationToken);
        return [.. items.Select(item => new TrainingSession(
            item[KeyNames.Session].S.Split('#', 2)[1],
            item[Machine].S,
            DateTimeOffset.Parse(item[StartedAt].S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            double.Parse(item[Minutes].N, CultureInfo.InvariantCulture),
            item.GetValueOrDefault(HeartRate)?.L is { Count: > 0 } heartRate ? [.. heartRate.Select(bpm => int.Parse(bpm.N, CultureInfo.InvariantCulture))] : null))];
    }
}
