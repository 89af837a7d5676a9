using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Coaching;

/// <summary>The <c>Alerts</c> table: each alert once, under the id of its cause.</summary>
public sealed class AlertStore(IAmazonDynamoDB dynamoDb)
{
    /// <summary>How many alerts a member's history shows at most.</summary>
    public const int HistoryLength = 100;

    /// <summary>What an alert's mark is read from: its id (<c>#a</c>) and its mail outcome.</summary>
    private const string MarkProjection = $"#a, {AlertAttributes.MailOutcome}";

    /// <summary>The ids of the alerts raised for a member's day, each with whether its email has been seen to (<see cref="MarkMailedAsync"/>).</summary>
    public async Task<Dictionary<string, bool>> RaisedOnAsync(string memberId, DateOnly day, CancellationToken cancellationToken = default) =>
        MarksOf(await DayItemsAsync(memberId, day, idsOnly: true, cancellationToken));

    /// <summary>
    /// Which of the member's alerts <paramref name="alertIds"/> (distinct) have been raised, each with whether its email has
    /// been seen to: read by key, so it costs the same however many alerts the day holds.
    /// </summary>
    public async Task<Dictionary<string, bool>> RaisedAsync(string memberId, IEnumerable<string> alertIds, CancellationToken cancellationToken = default) =>
        MarksOf(await dynamoDb.BatchGetAllAsync(
            TableNames.Alerts,
            alertIds.Select(id => new Dictionary<string, AttributeValue> { [KeyNames.MemberId] = new() { S = memberId }, [KeyNames.AlertId] = new() { S = id } }),
            MarkProjection,
            new() { ["#a"] = KeyNames.AlertId },
            cancellationToken));

    /// <summary>Records what became of the alert's email (<see cref="AlertMail"/>), so that no later delivery of its reading sends it again.</summary>
    public async Task MarkMailedAsync(string memberId, string alertId, string outcome, CancellationToken cancellationToken = default) =>
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Alerts,
            Key = new() { [KeyNames.MemberId] = new() { S = memberId }, [KeyNames.AlertId] = new() { S = alertId } },
            UpdateExpression = "SET #mail = :outcome",
            ConditionExpression = "attribute_exists(#a)",
            ExpressionAttributeNames = new() { ["#mail"] = AlertAttributes.MailOutcome, ["#a"] = KeyNames.AlertId },
            ExpressionAttributeValues = new() { [":outcome"] = new() { S = outcome } },
        }, cancellationToken);

    /// <summary>The alerts raised for a member's day.</summary>
    public async Task<IReadOnlyList<RaisedAlert>> OnAsync(string memberId, DateOnly day, CancellationToken cancellationToken = default) =>
        [.. (await DayItemsAsync(memberId, day, idsOnly: false, cancellationToken)).Select(FromItem)];

    private Task<List<Dictionary<string, AttributeValue>>> DayItemsAsync(string memberId, DateOnly day, bool idsOnly, CancellationToken cancellationToken) =>
        dynamoDb.QueryAllAsync(new QueryRequest
        {
            TableName = TableNames.Alerts,
            KeyConditionExpression = "#m = :m AND begins_with(#a, :day)",
            ExpressionAttributeNames = new() { ["#m"] = KeyNames.MemberId, ["#a"] = KeyNames.AlertId },
            ExpressionAttributeValues = new() { [":m"] = new() { S = memberId }, [":day"] = new() { S = $"{StoredDate.Of(day)}#" } },
            ProjectionExpression = idsOnly ? MarkProjection : null,
            ConsistentRead = true,
        }, cancellationToken);

    /// <summary>Raises the alert unless its cause has one already; true when this call raised it.</summary>
    /// <param name="mailOutcome">What became of its email when that is known as it is raised (<see cref="AlertMail"/>: none is to be sent), so no second write marks it.</param>
    public Task<bool> RaiseAsync(CoachAlert alert, DateTimeOffset at, string? mailOutcome = null, CancellationToken cancellationToken = default)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            [KeyNames.MemberId] = new() { S = alert.MemberId },
            [KeyNames.AlertId] = new() { S = alert.AlertId },
            [AlertAttributes.Kind] = new() { S = alert.Kind.ToString() },
            [AlertAttributes.Message] = new() { S = alert.Message },
            [AlertAttributes.ReadingId] = new() { S = alert.ReadingId },
            [AlertAttributes.RaisedAt] = new() { S = StoredTime.Of(at) },
        };
        if (mailOutcome is not null)
        {
            item[AlertAttributes.MailOutcome] = new() { S = mailOutcome };
        }
        return dynamoDb.PutIfAbsentAsync(TableNames.Alerts, item, KeyNames.AlertId, cancellationToken);
    }

    /// <summary>A member's alerts, the latest day first.</summary>
    public async Task<IReadOnlyList<RaisedAlert>> HistoryAsync(string memberId, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = TableNames.Alerts,
            KeyConditionExpression = "#m = :m",
            ExpressionAttributeNames = new() { ["#m"] = KeyNames.MemberId },
            ExpressionAttributeValues = new() { [":m"] = new() { S = memberId } },
            ScanIndexForward = false,
            Limit = HistoryLength,
        }, cancellationToken);
        return [.. (response.Items ?? []).Select(FromItem).OrderByDescending(a => a.RaisedAt)];
    }

    /// <summary>Each alert's id, with whether its email has been seen to.</summary>
    private static Dictionary<string, bool> MarksOf(IEnumerable<Dictionary<string, AttributeValue>> items) =>
        items.ToDictionary(i => i[KeyNames.AlertId].S, i => i.ContainsKey(AlertAttributes.MailOutcome));

    private static RaisedAlert FromItem(Dictionary<string, AttributeValue> item)
    {
        var id = item[KeyNames.AlertId].S;
        return new RaisedAlert(
            id,
            StoredDate.Parse(id.Split('#')[0]),
            Enum.TryParse<AlertKind>(item.GetValueOrDefault(AlertAttributes.Kind)?.S, out var kind) ? kind : AlertKind.OutOfSequence,
            item.GetValueOrDefault(AlertAttributes.Message)?.S ?? "",
            DateTimeOffset.Parse(item.GetValueOrDefault(AlertAttributes.RaisedAt)?.S ?? "2000-01-01T00:00:00Z", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
    }
}

/// <summary>An alert as stored, for the member's alerts page.</summary>
public sealed record RaisedAlert(string AlertId, DateOnly Day, AlertKind Kind, string Message, DateTimeOffset RaisedAt);
