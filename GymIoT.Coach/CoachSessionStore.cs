using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Coaching;
using GymIoT.Core.Storage;

namespace GymIoT.Coach;

/// <summary>
/// The <c>CoachSessions</c> table: each session the coach has seen, one item per reading under the member's day, so the
/// alerts of a session are judged against the whole day. Recording a session twice writes the same item.
/// </summary>
public sealed class CoachSessionStore(IAmazonDynamoDB dynamoDb)
{
    private const string Machine = "Machine";
    private const string StartedAt = "StartedAt";
    private const string Minutes = "Minutes";

    public Task RecordAsync(string memberId, DateOnly day, TrainingSession session, CancellationToken cancellationToken) =>
        dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = TableNames.CoachSessions,
            Item = new()
            {
                [KeyNames.MemberId] = new() { S = memberId },
                [KeyNames.Session] = new() { S = $"{StoredDate.Of(day)}#{session.ReadingId}" },
                [Machine] = new() { S = session.Machine },
                [StartedAt] = new() { S = StoredTime.Of(session.StartedAt) },
                [Minutes] = new() { N = session.Minutes.ToString(CultureInfo.InvariantCulture) },
            },
        }, cancellationToken);

    public async Task<IReadOnlyList<TrainingSession>> OnAsync(string memberId, DateOnly day, CancellationToken cancellationToken)
    {
        var items = await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableNames.CoachSessions,
            KeyConditionExpression = "#m = :m AND begins_with(#s, :day)",
            ExpressionAttributeNames = new() { ["#m"] = KeyNames.MemberId, ["#s"] = KeyNames.Session },
            ExpressionAttributeValues = new() { [":m"] = new() { S = memberId }, [":day"] = new() { S = $"{StoredDate.Of(day)}#" } },
            ConsistentRead = true,
        }, cancellationToken);
        return [.. items.Select(item => new TrainingSession(
            item[KeyNames.Session].S.Split('#', 2)[1],
            item[Machine].S,
            DateTimeOffset.Parse(item[StartedAt].S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            double.Parse(item[Minutes].N, CultureInfo.InvariantCulture)))];
    }
}
