using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Coaching;

/// <summary>What a member answered to a month's offer of the next level's card.</summary>
public enum OfferDecision
{
    Accepted,
    Kept,
}

/// <summary>The <c>CardOffers</c> table: one answer per member and month; the first answer stands.</summary>
public sealed class CardOfferStore(IAmazonDynamoDB dynamoDb)
{
    public async Task<OfferDecision?> DecisionAsync(string memberId, DateOnly month, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableNames.CardOffers,
            Key = Key(memberId, month),
            ConsistentRead = true,
        }, cancellationToken);
        return Enum.TryParse<OfferDecision>(response.Item?.GetValueOrDefault(OfferAttributes.Decision)?.S, out var decision) ? decision : null;
    }

    /// <summary>Records the answer unless the month has one; returns the answer that stands.</summary>
    public async Task<OfferDecision> DecideAsync(string memberId, DateOnly month, OfferDecision decision, string offeredCardId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var item = Key(memberId, month);
        item[OfferAttributes.Decision] = new() { S = decision.ToString() };
        item[OfferAttributes.OfferedCardId] = new() { S = offeredCardId };
        item[OfferAttributes.DecidedAt] = new() { S = StoredTime.Of(at) };
        // Answered already, e.g. in another tab: that answer stands.
        return await dynamoDb.PutIfAbsentAsync(TableNames.CardOffers, item, KeyNames.MemberId, cancellationToken)
            ? decision
            : await DecisionAsync(memberId, month, cancellationToken) ?? decision;
    }

    private static Dictionary<string, AttributeValue> Key(string memberId, DateOnly month) =>
        ItemKey.MemberMonth(TableNames.CardOffers, memberId, month).ToAttributes();
}
