using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Tests.Infrastructure;

/// <summary>Reads aggregate items back, the way an auditor would: every item of a member or device.</summary>
public sealed class Aggregates(IAmazonDynamoDB dynamoDb) : IDisposable
{
    public async Task<IReadOnlyList<Dictionary<string, AttributeValue>>> ItemsAsync(string table, string partitionKeyName, string partitionKey) =>
        await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = table,
            KeyConditionExpression = "#k = :k",
            ExpressionAttributeNames = new() { ["#k"] = partitionKeyName },
            ExpressionAttributeValues = new() { [":k"] = new AttributeValue { S = partitionKey } },
            ConsistentRead = true,
        });

    public Task<IReadOnlyList<Dictionary<string, AttributeValue>>> MemberItemsAsync(string memberId) =>
        ItemsAsync(TableNames.MemberActivity, KeyNames.MemberId, memberId);

    /// <summary>The sum of one number attribute over the member's day items (<c>D#</c>) or month items (<c>M#</c>).</summary>
    public static decimal Sum(IEnumerable<Dictionary<string, AttributeValue>> items, string periodPrefix, string attribute) =>
        items.Where(i => i[KeyNames.Period].S.StartsWith(periodPrefix, StringComparison.Ordinal))
            .Sum(i => i.TryGetValue(attribute, out var value) ? decimal.Parse(value.N, System.Globalization.CultureInfo.InvariantCulture) : 0);

    /// <summary>The reading ids recorded in the member's day items (<c>D#</c>) or month items (<c>M#</c>).</summary>
    public static HashSet<string> AppliedIds(IEnumerable<Dictionary<string, AttributeValue>> items, string periodPrefix) =>
        [.. items.Where(i => i[KeyNames.Period].S.StartsWith(periodPrefix, StringComparison.Ordinal))
            .SelectMany(i => i.TryGetValue(ActivityAttributes.AppliedIds, out var ids) ? ids.SS ?? [] : [])];

    public void Dispose() => dynamoDb.Dispose();
}
