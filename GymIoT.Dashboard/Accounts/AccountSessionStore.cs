using System.Globalization;
using System.Security.Cryptography;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// The signed-in sessions of each account (<see cref="TableNames.AccountSessions"/>): a cookie is good only while its
/// session is here. Logging out ends one; a lock, a role change or the account's deletion ends them all.
/// </summary>
public sealed class AccountSessionStore(IAmazonDynamoDB dynamoDb)
{
    /// <summary>Longer than any cookie lives, sliding as it may: the item's time to live on AWS, for tidiness only.</summary>
    private static readonly TimeSpan KeptFor = TimeSpan.FromDays(30);

    private const string StartedAt = "StartedAt";

    public async Task<string> StartAsync(string memberId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var sessionId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        await dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = TableNames.AccountSessions,
            Item = new Dictionary<string, AttributeValue>(Key(memberId, sessionId))
            {
                [StartedAt] = new() { S = StoredTime.Of(now) },
                [KeyNames.ExpiresAt] = new() { N = (now + KeptFor).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
            },
        }, cancellationToken);
        return sessionId;
    }

    public Task EndAsync(string memberId, string sessionId, CancellationToken cancellationToken = default) =>
        dynamoDb.DeleteItemAsync(TableNames.AccountSessions, Key(memberId, sessionId), cancellationToken);

    /// <returns>How many sessions there were.</returns>
    public async Task<int> EndAllAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var sessions = await dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableNames.AccountSessions,
            KeyConditionExpression = $"{KeyNames.MemberId} = :m",
            ExpressionAttributeValues = new() { [":m"] = new() { S = memberId } },
            ProjectionExpression = $"{KeyNames.MemberId}, {KeyNames.SessionId}",
            ConsistentRead = true,
        }, cancellationToken);
        return await dynamoDb.BatchDeleteAllAsync(TableNames.AccountSessions, sessions, cancellationToken);
    }

    /// <summary>The account as its session's check needs it, and whether the session is still there: one request.</summary>
    public async Task<(Credentials? Account, bool SessionExists)> ReadAsync(string memberId, string sessionId, CancellationToken cancellationToken = default)
    {
        var request = new Dictionary<string, KeysAndAttributes>
        {
            [TableNames.Members] = new()
            {
                Keys = [new() { [KeyNames.MemberId] = new() { S = memberId } }],
                ConsistentRead = true,
                ProjectionExpression = $"{KeyNames.MemberId}, #role, {MemberAttributes.AccountLocked}, {MemberAttributes.ErasingSince}",
                ExpressionAttributeNames = new() { ["#role"] = MemberAttributes.Role },
            },
            [TableNames.AccountSessions] = new() { Keys = [Key(memberId, sessionId)], ConsistentRead = true, ProjectionExpression = KeyNames.SessionId },
        };
        var found = new Dictionary<string, List<Dictionary<string, AttributeValue>>>();
        while (request.Count > 0)
        {
            var response = await dynamoDb.BatchGetItemAsync(request, cancellationToken);
            foreach (var (table, items) in response.Responses ?? [])
            {
                (found.TryGetValue(table, out var list) ? list : found[table] = []).AddRange(items);
            }
            request = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
        }
        var account = found.GetValueOrDefault(TableNames.Members)?.FirstOrDefault() is { } item && !MemberStore.IsErasing(item) ? AccountStore.CredentialsOf(memberId, item) : null;
        return (account, found.GetValueOrDefault(TableNames.AccountSessions)?.Count > 0);
    }

    private static Dictionary<string, AttributeValue> Key(string memberId, string sessionId) => new()
    {
        [KeyNames.MemberId] = new() { S = memberId },
        [KeyNames.SessionId] = new() { S = sessionId },
    };
}
