using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Members;
using GymIoT.Core.Provisioning;
using GymIoT.Core.Storage;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.MemberData;

/// <summary>
/// Deletes a member's account and everything keyed by them, in every table (<see cref="TableDefinitions.KeyedByMember"/>).
/// The account is first marked: from then on no service takes them for a member (the aggregator refuses their readings,
/// the coach writes nothing for them, staff find nobody, no session of theirs stands). A reading already on its way when the
/// mark was set may still write for them until the services' memory of members runs out
/// (<see cref="MemberStoreOptions.RememberFor"/>), so everything is deleted again after that (<see cref="FinishDueAsync"/>)
/// and only then the account itself. What is left to finish is kept in <c>MemberErasures</c>, so a restart loses none.
/// </summary>
public sealed partial class AccountErasure(
    IAmazonDynamoDB dynamoDb,
    IOptions<MemberStoreOptions> members,
    TimeProvider timeProvider,
    ILogger<AccountErasure> logger)
{
    private const string Since = "Since";

    /// <summary>How long after the mark the account's items are deleted a second time, and the account with them.</summary>
    public TimeSpan FinishAfter => members.Value.RememberFor + TimeSpan.FromSeconds(10);

    public async Task BeginAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var now = StoredTime.Of(timeProvider.GetUtcNow());
        await dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = TableNames.MemberErasures,
            Item = new() { [KeyNames.MemberId] = new() { S = memberId }, [Since] = new() { S = now } },
        }, cancellationToken);
        await dynamoDb.UpdateIfAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = Key(memberId),
            UpdateExpression = $"SET {MemberAttributes.ErasingSince} = if_not_exists({MemberAttributes.ErasingSince}, :now)",
            ConditionExpression = $"attribute_exists({KeyNames.MemberId})",
            ExpressionAttributeValues = new() { [":now"] = new() { S = now } },
        }, cancellationToken);
        // Their sessions go with the rest: a session of an account being deleted stands nowhere already.
        var deleted = await DeleteKeyedItemsAsync(memberId, cancellationToken);
        LogBegun(memberId, deleted);
    }

    /// <summary>Finishes every erasure whose second pass is due: the items again, then the account, then the erasure's record.</summary>
    /// <returns>How many were finished.</returns>
    public async Task<int> FinishDueAsync(CancellationToken cancellationToken = default)
    {
        var due = StoredTime.Of(timeProvider.GetUtcNow() - FinishAfter);
        var finished = 0;
        foreach (var erasure in await dynamoDb.ScanAllAsync(new ScanRequest { TableName = TableNames.MemberErasures, ConsistentRead = true }, cancellationToken))
        {
            if (string.CompareOrdinal(erasure.GetValueOrDefault(Since)?.S, due) > 0)
            {
                continue;
            }
            var memberId = erasure[KeyNames.MemberId].S;
            var deleted = await DeleteKeyedItemsAsync(memberId, cancellationToken);
            await dynamoDb.DeleteItemAsync(TableNames.Members, Key(memberId), cancellationToken);
            await dynamoDb.DeleteItemAsync(TableNames.MemberErasures, Key(memberId), cancellationToken);
            LogFinished(memberId, deleted);
            finished++;
        }
        return finished;
    }

    private async Task<int> DeleteKeyedItemsAsync(string memberId, CancellationToken cancellationToken)
    {
        var deleted = 0;
        foreach (var (table, sortKey) in TableDefinitions.KeyedByMember)
        {
            var keys = await dynamoDb.QueryAllAsync(new QueryRequest
            {
                TableName = table,
                KeyConditionExpression = $"{KeyNames.MemberId} = :m",
                ExpressionAttributeValues = new() { [":m"] = new() { S = memberId } },
                ProjectionExpression = sortKey is null ? KeyNames.MemberId : $"{KeyNames.MemberId}, #sort",
                ExpressionAttributeNames = sortKey is null ? null : new() { ["#sort"] = sortKey },
                ConsistentRead = true,
            }, cancellationToken);
            deleted += await dynamoDb.BatchDeleteAllAsync(table, keys, cancellationToken);
        }
        return deleted;
    }

    private static Dictionary<string, AttributeValue> Key(string memberId) => new() { [KeyNames.MemberId] = new() { S = memberId } };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Member {MemberId} deleted their account: {Items} items deleted, the rest follows after the services forget them")]
    private partial void LogBegun(string memberId, int items);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The account of {MemberId} is deleted, with {Items} more items keyed by them")]
    private partial void LogFinished(string memberId, int items);
}
