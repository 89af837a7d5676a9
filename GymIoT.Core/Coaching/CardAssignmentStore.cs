using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Coaching;

/// <summary>
/// The <c>CardAssignments</c> table: every card a member has been put on, kept with its cause. The card of a day is the
/// latest assignment that applies from that day or before; a member with none is on the starter card.
/// </summary>
public sealed class CardAssignmentStore(IAmazonDynamoDB dynamoDb)
{
    /// <summary>How many assignments a member's history shows at most.</summary>
    public const int HistoryLength = 50;

    public async Task AssignAsync(CardAssignment assignment, CancellationToken cancellationToken = default)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [KeyNames.MemberId] = new() { S = assignment.MemberId },
            [KeyNames.Assignment] = new() { S = $"{StoredDate.Of(assignment.From)}#{StoredTime.Of(assignment.AssignedAt)}" },
            [AssignmentAttributes.CardId] = new() { S = assignment.CardId },
            [AssignmentAttributes.Cause] = new() { S = assignment.Cause.ToString() },
        };
        if (assignment.By is { } by)
        {
            item[AssignmentAttributes.By] = new() { S = by };
        }
        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = TableNames.CardAssignments, Item = item }, cancellationToken);
    }

    /// <summary>The assignment in force on <paramref name="day"/>, or the starter card's default one.</summary>
    public async Task<CardAssignment> OnAsync(string memberId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var latest = await QueryAsync(memberId, StoredDate.Of(day.AddDays(1)), 1, cancellationToken);
        return latest.FirstOrDefault() ?? new CardAssignment(memberId, DateOnly.MinValue, CardCatalogue.Starter.CardId, AssignmentCause.Default, DateTimeOffset.MinValue, null);
    }

    /// <summary>The member's assignments, the latest first, future ones (an accepted offer) included.</summary>
    public Task<IReadOnlyList<CardAssignment>> HistoryAsync(string memberId, CancellationToken cancellationToken = default) =>
        QueryAsync(memberId, before: "~", HistoryLength, cancellationToken);

    private async Task<IReadOnlyList<CardAssignment>> QueryAsync(string memberId, string before, int limit, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = TableNames.CardAssignments,
            KeyConditionExpression = "#m = :m AND #a < :before",
            ExpressionAttributeNames = new() { ["#m"] = KeyNames.MemberId, ["#a"] = KeyNames.Assignment },
            ExpressionAttributeValues = new() { [":m"] = new() { S = memberId }, [":before"] = new() { S = before } },
            ScanIndexForward = false,
            Limit = limit,
        }, cancellationToken);
        return [.. (response.Items ?? []).Select(FromItem)];
    }

    private static CardAssignment FromItem(Dictionary<string, AttributeValue> item)
    {
        var key = item[KeyNames.Assignment].S.Split('#', 2);
        return new CardAssignment(
            item[KeyNames.MemberId].S,
            StoredDate.Parse(key[0]),
            item[AssignmentAttributes.CardId].S,
            Enum.TryParse<AssignmentCause>(item.GetValueOrDefault(AssignmentAttributes.Cause)?.S, out var cause) ? cause : AssignmentCause.Staff,
            DateTimeOffset.Parse(key[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            item.GetValueOrDefault(AssignmentAttributes.By)?.S);
    }

}
