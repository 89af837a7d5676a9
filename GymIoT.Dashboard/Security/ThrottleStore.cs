using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Dashboard.Security;

/// <summary>The answer to a request for one of a throttle's permits: granted (the how-many-th in its window), or when to ask again.</summary>
public sealed record ThrottlePermit(bool Granted, int Number, DateTimeOffset? RetryAt)
{
    public bool IsLast(Throttle throttle) => Granted && Number >= throttle.Limit;
}

/// <summary>
/// Fixed-window counters in <see cref="TableNames.Throttles"/>, shared by every dashboard replica. A permit is counted
/// atomically before the action it allows: at most the limit is ever granted in a window, however many ask at once.
/// A subject may also be locked until a time, which no permit given back lifts.
/// </summary>
public sealed class ThrottleStore(IAmazonDynamoDB dynamoDb)
{
    private const string Count = "Count";
    private const string WindowEnds = "WindowEnds";
    private const string LockedUntil = "LockedUntil";

    /// <summary>Not locked at <c>:now</c>.</summary>
    private const string NotLocked = $"(attribute_not_exists({LockedUntil}) OR {LockedUntil} <= :now)";

    public async Task<ThrottlePermit> TakeAsync(Throttle throttle, string key, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var values = Values(now, throttle, now + throttle.Window);
        for (var round = 0; round < 3; round++)
        {
            // Within the window: one more, while fewer than the limit were granted.
            if (await UpdateAsync(key, $"ADD #count :one",
                    $"{NotLocked} AND {WindowEnds} > :now AND #count < :max", values, cancellationToken) is { } counted)
            {
                return Granted(counted);
            }
            var item = await ReadAsync(key, cancellationToken);
            if (Time(item, LockedUntil) is { } locked && locked > now)
            {
                return new ThrottlePermit(false, 0, locked);
            }
            if (Time(item, WindowEnds) is { } ends && ends > now)
            {
                if (item!.GetValueOrDefault(Count)?.N is { } granted && int.Parse(granted, CultureInfo.InvariantCulture) >= throttle.Limit)
                {
                    return new ThrottlePermit(false, 0, ends);
                }
                continue;
            }
            // No window, or an ended one: this permit opens a new window.
            if (await UpdateAsync(key, $"SET #count = :one, {WindowEnds} = :end, {KeyNames.ExpiresAt} = :expires",
                    $"{NotLocked} AND (attribute_not_exists({WindowEnds}) OR {WindowEnds} <= :now)", values, cancellationToken) is { } opened)
            {
                return Granted(opened);
            }
        }
        return new ThrottlePermit(false, 0, now + throttle.Window);
    }

    /// <summary>
    /// Gives a permit back (what it allowed went well, e.g. the right password), unless the subject was locked meanwhile:
    /// false then, and the lock stays.
    /// </summary>
    public async Task<bool> GiveBackAsync(string key, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        await UpdateAsync(key, "ADD #count :minusOne", $"attribute_exists({KeyNames.Subject}) AND {NotLocked}",
            new() { [":minusOne"] = new() { N = "-1" }, [":now"] = new() { S = StoredTime.Of(now) } }, cancellationToken) is not null;

    /// <summary>Locks the subject until <paramref name="until"/>: no permit until then, and a new window after.</summary>
    public Task LockAsync(string key, DateTimeOffset until, CancellationToken cancellationToken = default) =>
        dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Throttles,
            Key = Key(key),
            UpdateExpression = $"SET {LockedUntil} = :until, {KeyNames.ExpiresAt} = :expires REMOVE {WindowEnds}, #count",
            ExpressionAttributeNames = new() { ["#count"] = Count },
            ExpressionAttributeValues = new()
            {
                [":until"] = new() { S = StoredTime.Of(until) },
                [":expires"] = new() { N = until.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
            },
        }, cancellationToken);

    private static Dictionary<string, AttributeValue> Values(DateTimeOffset now, Throttle throttle, DateTimeOffset end) => new()
    {
        [":one"] = new() { N = "1" },
        [":max"] = new() { N = throttle.Limit.ToString(CultureInfo.InvariantCulture) },
        [":now"] = new() { S = StoredTime.Of(now) },
        [":end"] = new() { S = StoredTime.Of(end) },
        [":expires"] = new() { N = end.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) },
    };

    /// <returns>The item as updated, or null when the condition did not hold.</returns>
    private async Task<Dictionary<string, AttributeValue>?> UpdateAsync(
        string key, string update, string condition, Dictionary<string, AttributeValue> values, CancellationToken cancellationToken)
    {
        var used = values.Where(v => update.Contains(v.Key, StringComparison.Ordinal) || condition.Contains(v.Key, StringComparison.Ordinal)).ToDictionary();
        try
        {
            return (await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = TableNames.Throttles,
                Key = Key(key),
                UpdateExpression = update,
                ConditionExpression = condition,
                ExpressionAttributeNames = new() { ["#count"] = Count },
                ExpressionAttributeValues = used,
                ReturnValues = ReturnValue.ALL_NEW,
            }, cancellationToken)).Attributes;
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    private async Task<Dictionary<string, AttributeValue>?> ReadAsync(string key, CancellationToken cancellationToken) =>
        (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = TableNames.Throttles, Key = Key(key), ConsistentRead = true }, cancellationToken)).Item;

    private static DateTimeOffset? Time(Dictionary<string, AttributeValue>? item, string attribute) =>
        item?.GetValueOrDefault(attribute)?.S is { } text ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null;

    private static ThrottlePermit Granted(Dictionary<string, AttributeValue> item) =>
        new(true, int.Parse(item[Count].N, CultureInfo.InvariantCulture), null);

    private static Dictionary<string, AttributeValue> Key(string key) => new() { [KeyNames.Subject] = new() { S = key } };
}
