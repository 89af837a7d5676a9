using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Coaching;

/// <summary>
/// The <c>CoachSessions</c> table: the sessions of today the coach has seen, under the member. The coach writes it; recording
/// a session twice writes the same attributes.
/// <list type="bullet">
/// <item>One day item per member and day (sort key: the day), with each session as one attribute named after its reading.
/// Recording a session and reading back the whole day, against which its alerts are judged, is one write of one item:
/// the day's sessions as separate items cost the store a write and a query of them all for every session.</item>
/// <item>One item per session that carried a heart rate (sort key: day#reading), which the member home draws.</item>
/// </list>
/// A member's day holds at most <see cref="ItemLimits.ReadingsPerMemberDay"/> stored readings, so the day item stays under
/// 20 KB, far from DynamoDB's 400 KB. DynamoDB bills a write by the whole item's size: a day of a few sessions is under
/// 1 KB, one write unit.
/// </summary>
public sealed class CoachSessionStore(IAmazonDynamoDB dynamoDb)
{
    /// <summary>Starts the name of each session's attribute on the day item; the reading id follows.</summary>
    private const string SessionAttribute = "Session#";

    /// <summary>A session on the day item: machine, start and minutes in one string, the cheapest value for the store to keep and return.</summary>
    private const char Separator = '|';

    private const string Machine = "Machine";
    private const string StartedAt = "StartedAt";
    private const string Minutes = "Minutes";

    /// <summary>The heart rate of each started minute, in order: a list of numbers.</summary>
    private const string HeartRate = "HeartRate";

    /// <summary>Records the session on its member's day.</summary>
    /// <returns>Every session of that day recorded so far, this one included, without heart rate.</returns>
    public async Task<IReadOnlyList<TrainingSession>> RecordAsync(string memberId, DateOnly day, TrainingSession session, CancellationToken cancellationToken)
    {
        var recorded = dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.CoachSessions,
            Key = DayKey(memberId, day),
            UpdateExpression = "SET #session = :session",
            ExpressionAttributeNames = new() { ["#session"] = SessionAttribute + session.ReadingId },
            ExpressionAttributeValues = new()
            {
                [":session"] = new() { S = string.Join(Separator, session.Machine, StoredTime.Of(session.StartedAt), session.Minutes.ToString(CultureInfo.InvariantCulture)) },
            },
            ReturnValues = ReturnValue.ALL_NEW,
        }, cancellationToken);
        await Task.WhenAll(recorded, RecordHeartRateAsync(memberId, day, session, cancellationToken));
        return SessionsOf(recorded.Result.Attributes);
    }

    /// <summary>The member's sessions of the day the coach has seen, in no particular order, without heart rate.</summary>
    public async Task<IReadOnlyList<TrainingSession>> OnAsync(string memberId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableNames.CoachSessions,
            Key = DayKey(memberId, day),
            ConsistentRead = true,
        }, cancellationToken);
        return SessionsOf(response.Item);
    }

    /// <summary>The member's sessions of the day that carried a heart rate, each with it, in no particular order.</summary>
    public async Task<IReadOnlyList<TrainingSession>> HeartRateOnAsync(string memberId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var items = await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableNames.CoachSessions,
            KeyConditionExpression = "#m = :m AND begins_with(#s, :day)",
            ExpressionAttributeNames = new() { ["#m"] = KeyNames.MemberId, ["#s"] = KeyNames.Session },
            ExpressionAttributeValues = new() { [":m"] = new() { S = memberId }, [":day"] = new() { S = $"{StoredDate.Of(day)}#" } },
            ConsistentRead = true,
        }, cancellationToken);
        return [.. items
            .Where(item => item.GetValueOrDefault(HeartRate)?.L is { Count: > 0 })
            .Select(item => new TrainingSession(
                item[KeyNames.Session].S.Split('#', 2)[1],
                item[Machine].S,
                DateTimeOffset.Parse(item[StartedAt].S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                double.Parse(item[Minutes].N, CultureInfo.InvariantCulture),
                [.. item[HeartRate].L.Select(bpm => int.Parse(bpm.N, CultureInfo.InvariantCulture))]))];
    }

    private Task RecordHeartRateAsync(string memberId, DateOnly day, TrainingSession session, CancellationToken cancellationToken)
    {
        if (session.HeartRatePerMinute is not { Count: > 0 } heartRate)
        {
            return Task.CompletedTask;
        }
        return dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = TableNames.CoachSessions,
            Item = new()
            {
                [KeyNames.MemberId] = new() { S = memberId },
                [KeyNames.Session] = new() { S = $"{StoredDate.Of(day)}#{session.ReadingId}" },
                [Machine] = new() { S = session.Machine },
                [StartedAt] = new() { S = StoredTime.Of(session.StartedAt) },
                [Minutes] = new() { N = session.Minutes.ToString(CultureInfo.InvariantCulture) },
                [HeartRate] = new() { L = [.. heartRate.Select(bpm => new AttributeValue { N = bpm.ToString(CultureInfo.InvariantCulture) })] },
            },
        }, cancellationToken);
    }

    /// <summary>The day item's key: the bare day, which no heart-rate item's <c>day#reading</c> key begins with.</summary>
    private static Dictionary<string, AttributeValue> DayKey(string memberId, DateOnly day) => new()
    {
        [KeyNames.MemberId] = new() { S = memberId },
        [KeyNames.Session] = new() { S = StoredDate.Of(day) },
    };

    private static List<TrainingSession> SessionsOf(Dictionary<string, AttributeValue>? dayItem) =>
        [.. (dayItem ?? []).Where(a => a.Key.StartsWith(SessionAttribute, StringComparison.Ordinal)).Select(a =>
        {
            var parts = a.Value.S.Split(Separator);
            return new TrainingSession(
                a.Key[SessionAttribute.Length..],
                parts[0],
                DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                double.Parse(parts[2], CultureInfo.InvariantCulture));
        })];
}
