using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Coaching;

/// <summary>
/// The <c>CoachSessions</c> table: one item per member and day (sort key: the day) holding each session of that day the
/// coach has seen, as one attribute named after its reading, and its heart rate, when the sensor sent one, as another. The
/// coach writes it; recording a session twice writes the same attributes. Recording a session and reading back the whole
/// day, against which its alerts are judged, is one write of one item: the day's sessions as items of their own cost the
/// store a write and a query of them all for every session. The member home draws the day's heart rate from it.
/// <para>
/// A member's day holds at most <see cref="ItemLimits.ReadingsPerMemberDay"/> stored readings, each with at most
/// <see cref="Readings.ReadingLimits.MaxHeartRateSamples"/> beats per minute, so the item stays under 200 KB, within
/// DynamoDB's 400 KB. DynamoDB bills a write by the whole item's size: a day of a few sessions is a few KB.
/// </para>
/// </summary>
public sealed class CoachSessionStore(IAmazonDynamoDB dynamoDb)
{
    /// <summary>Starts the name of a session's attribute; the reading id follows. Its value: machine, start and minutes.</summary>
    private const string SessionAttribute = "Session#";

    /// <summary>Starts the name of a session's heart-rate attribute; the reading id follows. Its value: the beats per minute of each started minute.</summary>
    private const string HeartRateAttribute = "HeartRate#";

    /// <summary>
    /// Between a session's fields and between its heart-rate samples: a string is the cheapest value for the store to keep
    /// and return (a session as a map cost dynalite about twice the CPU of one string per write, bench/README.md).
    /// </summary>
    private const char Separator = '|';

    /// <summary>Records the session on its member's day.</summary>
    /// <returns>
    /// Every session of that day recorded so far, this one included, without heart rate: the alerts judge minutes, and a
    /// busy day's heart rate is thousands of numbers to parse for every reading.
    /// </returns>
    public async Task<IReadOnlyList<TrainingSession>> RecordAsync(string memberId, DateOnly day, TrainingSession session, CancellationToken cancellationToken)
    {
        var request = new UpdateItemRequest
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
        };
        if (session.HeartRatePerMinute is { Count: > 0 } heartRate)
        {
            request.UpdateExpression += ", #heartRate = :heartRate";
            request.ExpressionAttributeNames["#heartRate"] = HeartRateAttribute + session.ReadingId;
            request.ExpressionAttributeValues[":heartRate"] = new() { S = string.Join(Separator, heartRate.Select(bpm => bpm.ToString(CultureInfo.InvariantCulture))) };
        }
        return SessionsOf((await dynamoDb.UpdateItemAsync(request, cancellationToken)).Attributes, withHeartRate: false);
    }

    /// <summary>The member's sessions of the day the coach has seen, in no particular order, each with its heart rate if it carried one.</summary>
    public async Task<IReadOnlyList<TrainingSession>> OnAsync(string memberId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableNames.CoachSessions,
            Key = DayKey(memberId, day),
            ConsistentRead = true,
        }, cancellationToken);
        return SessionsOf(response.Item, withHeartRate: true);
    }

    private static Dictionary<string, AttributeValue> DayKey(string memberId, DateOnly day) => new()
    {
        [KeyNames.MemberId] = new() { S = memberId },
        [KeyNames.Session] = new() { S = StoredDate.Of(day) },
    };

    /// <summary>The sessions a member's day item holds (as <see cref="OnAsync"/> reads them, or a query of the table does).</summary>
    public static List<TrainingSession> SessionsOf(Dictionary<string, AttributeValue>? dayItem, bool withHeartRate)
    {
        var item = dayItem ?? [];
        return [.. item.Where(a => a.Key.StartsWith(SessionAttribute, StringComparison.Ordinal)).Select(a =>
        {
            var readingId = a.Key[SessionAttribute.Length..];
            var fields = a.Value.S.Split(Separator);
            return new TrainingSession(
                readingId,
                fields[0],
                DateTimeOffset.Parse(fields[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
                double.Parse(fields[2], CultureInfo.InvariantCulture),
                withHeartRate && item.GetValueOrDefault(HeartRateAttribute + readingId)?.S is { Length: > 0 } heartRate
                    ? [.. heartRate.Split(Separator).Select(bpm => int.Parse(bpm, CultureInfo.InvariantCulture))]
                    : null);
        })];
    }
}
