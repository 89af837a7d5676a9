using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace GymIoT.Core.Storage;

/// <summary>
/// Folds readings into aggregate items exactly once without transactions: one conditional <c>UpdateItem</c> per item adds the
/// values, sets the labels and the latest values, and records the reading ids in the item's own <c>AppliedIds</c> set, on
/// condition that none of them is there yet, that the item holds no newer latest value (so a late reading never moves
/// <c>LastReadingAt</c> back) and, for a capped item, that it has room for them. Readings for the same item are coalesced
/// into one write; when the condition fails, the item says which readings are new, which latest values it already has
/// newer, and how much room is left, and the write is retried with only what still applies.
/// </summary>
public sealed partial class ActivityStore(IAmazonDynamoDB dynamoDb, ServiceTelemetry telemetry, ILogger<ActivityStore> logger)
{
    private readonly Counter<long> _writeCounter = telemetry.Meter.CreateCounter<long>(
        "gymiot.dynamodb.writes", "{write}", "Conditional UpdateItem calls made on aggregate items.");

    /// <summary>Bounds the condition expression (AWS allows 4 KB) and the attribute values of one update.</summary>
    public const int MaxReadingsPerUpdate = 40;

    private const int MaxAttempts = 5;

    public async Task<IReadOnlyDictionary<string, StoreOutcome>> ApplyAsync(
        IReadOnlyCollection<ActivityContribution> contributions, int parallelism, CancellationToken cancellationToken)
    {
        var itemsPerReading = contributions.GroupBy(c => c.SourceId).ToDictionary(g => g.Key, g => g.Select(c => c.Key).Distinct().Count());
        var duplicate = new ConcurrentDictionary<string, int>();
        var worst = new ConcurrentDictionary<string, StoreOutcome>();
        void Mark(string id, StoreOutcome outcome) => worst.AddOrUpdate(id, outcome, (_, was) => (StoreOutcome)Math.Max((int)was, (int)outcome));

        var updates = contributions
            .GroupBy(c => c.Key)
            .SelectMany(item => item.DistinctBy(c => c.SourceId).Chunk(MaxReadingsPerUpdate).Select(chunk => (item.Key, Readings: chunk)));

        await Parallel.ForEachAsync(
            updates,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (update, token) =>
            {
                using var span = StartWriteSpan("update", update.Key, update.Readings);
                try
                {
                    var result = await ApplyToItemAsync(update.Key, update.Readings, token);
                    span?.SetTag("gymiot.store.duplicates", result.Duplicates.Count).SetTag("gymiot.store.over_limit", result.OverCap.Count);
                    foreach (var id in result.Duplicates)
                    {
                        duplicate.AddOrUpdate(id, 1, (_, n) => n + 1);
                    }
                    foreach (var id in result.OverCap)
                    {
                        Mark(id, StoreOutcome.OverCap);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    var outcome = IsInvalidRequest(ex) ? StoreOutcome.Invalid : StoreOutcome.Failed;
                    span?.SetStatus(ActivityStatusCode.Error, ex.Message);
                    LogItemNotUpdated(ex, update.Key.Table, update.Key.PartitionKey, update.Key.Period, update.Readings.Length, outcome);
                    foreach (var contribution in update.Readings)
                    {
                        Mark(contribution.SourceId, outcome);
                    }
                }
            });

        return itemsPerReading.ToDictionary(
            reading => reading.Key,
            reading => worst.TryGetValue(reading.Key, out var bad) ? bad
                : duplicate.GetValueOrDefault(reading.Key) == reading.Value ? StoreOutcome.Duplicate
                : StoreOutcome.Applied);
    }

    /// <summary>
    /// Takes contributions out of the items that have them (subtracts their values, removes their ids): a reading that one
    /// of its items could not take is taken back from the others. Safe to repeat.
    /// </summary>
    public Task RevokeAsync(IReadOnlyCollection<ActivityContribution> contributions, int parallelism, CancellationToken cancellationToken) =>
        Parallel.ForEachAsync(
            contributions,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (contribution, token) =>
            {
                var (names, values, add) = Additions([contribution], negate: true);
                using var span = StartWriteSpan("take back", contribution.Key, [contribution]);
                try
                {
                    _writeCounter.Add(1);
                    await dynamoDb.UpdateItemAsync(new UpdateItemRequest
                    {
                        TableName = contribution.Key.Table,
                        Key = contribution.Key.ToAttributes(),
                        UpdateExpression = $"ADD {string.Join(", ", add)} DELETE #ids :ids",
                        ConditionExpression = "contains(#ids, :id)",
                        ExpressionAttributeNames = names,
                        ExpressionAttributeValues = new Dictionary<string, AttributeValue>(values) { [":id"] = new() { S = contribution.SourceId } },
                    }, token);
                }
                catch (ConditionalCheckFailedException)
                {
                    // Not there (any more): nothing to take back.
                }
            });

    /// <summary>
    /// The span of one write to an item, in the trace of the first reading it applies and linked to the others': a write
    /// coalesces readings that each travel in a trace of their own.
    /// </summary>
    private Activity? StartWriteSpan(string operation, ItemKey key, IReadOnlyList<ActivityContribution> readings)
    {
        var traces = readings.Select(r => r.Trace).Where(t => t != default).Distinct().ToList();
        var span = telemetry.ActivitySource.StartActivity(
            $"{operation} {key.Table}",
            ActivityKind.Client,
            traces.FirstOrDefault(),
            links: traces.Skip(1).Select(t => new ActivityLink(t)));
        span?.SetTag("db.system.name", "aws.dynamodb")
            .SetTag("db.operation.name", "UpdateItem")
            .SetTag("db.collection.name", key.Table)
            .SetTag("gymiot.store.readings", readings.Count);
        return span;
    }

    private static bool IsInvalidRequest(Exception ex) => ex is AmazonDynamoDBException { ErrorCode: "ValidationException" };

    private async Task<(IReadOnlyList<string> Duplicates, IReadOnlyList<string> OverCap)> ApplyToItemAsync(
        ItemKey key, IReadOnlyList<ActivityContribution> readings, CancellationToken cancellationToken)
    {
        var cap = readings.Select(r => r.Cap).FirstOrDefault(c => c is not null);
        var pending = readings.ToList();
        var duplicates = new List<string>();
        var overCap = new List<string>();
        var alreadyNewer = new HashSet<string>();
        if (cap is not null && pending.Count > cap.Max)
        {
            overCap.AddRange(pending.Skip(cap.Max).Select(p => p.SourceId));
            pending = [.. pending.Take(cap.Max)];
        }
        for (var attempt = 1; attempt <= MaxAttempts && pending.Count > 0; attempt++)
        {
            try
            {
                _writeCounter.Add(1);
                await dynamoDb.UpdateItemAsync(BuildUpdate(key, pending, cap, alreadyNewer), cancellationToken);
                return (duplicates, overCap);
            }
            catch (ConditionalCheckFailedException)
            {
                var recorded = await RecordedAsync(key, cap, pending, cancellationToken);
                duplicates.AddRange(pending.Where(p => recorded.Ids.Contains(p.SourceId)).Select(p => p.SourceId));
                pending.RemoveAll(p => recorded.Ids.Contains(p.SourceId));
                if (cap is not null && pending.Count > cap.Max - recorded.Count)
                {
                    var room = (int)Math.Max(0, cap.Max - recorded.Count);
                    overCap.AddRange(pending.Skip(room).Select(p => p.SourceId));
                    pending = [.. pending.Take(room)];
                }
                foreach (var (name, value) in LatestOf(pending))
                {
                    if (recorded.Latest.TryGetValue(name, out var stored) && string.CompareOrdinal(stored, value) > 0)
                    {
                        alreadyNewer.Add(name);
                    }
                }
            }
        }
        if (pending.Count > 0)
        {
            throw new TimeoutException($"Item {key.PartitionKey}/{key.Period} kept changing under {MaxAttempts} attempts.");
        }
        return (duplicates, overCap);
    }

    /// <summary>What the item holds of what the condition checks: the ids applied, the capped count and the latest values.</summary>
    private async Task<(HashSet<string> Ids, decimal Count, IReadOnlyDictionary<string, string> Latest)> RecordedAsync(
        ItemKey key, ItemCap? cap, IReadOnlyList<ActivityContribution> readings, CancellationToken cancellationToken)
    {
        var names = new Dictionary<string, string> { ["#ids"] = ActivityAttributes.AppliedIds };
        if (cap is not null)
        {
            names["#c"] = cap.Counter;
        }
        var latestNames = LatestOf(readings).Keys.ToList();
        for (var i = 0; i < latestNames.Count; i++)
        {
            names[$"#l{i}"] = latestNames[i];
        }
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = key.Table,
            Key = key.ToAttributes(),
            ConsistentRead = true,
            ProjectionExpression = string.Join(", ", names.Keys),
            ExpressionAttributeNames = names,
        }, cancellationToken);
        var item = response.Item ?? [];
        var ids = item.TryGetValue(ActivityAttributes.AppliedIds, out var set) ? set.SS ?? [] : [];
        var count = cap is not null && item.TryGetValue(cap.Counter, out var counter) && counter.N is { } n ? decimal.Parse(n, CultureInfo.InvariantCulture) : 0;
        var latest = latestNames.Where(item.ContainsKey).ToDictionary(name => name, name => item[name].S ?? "");
        return ([.. ids], count, latest);
    }

    /// <summary>Each latest value the readings carry, at its newest (values that sort as text, such as ISO-8601 times).</summary>
    private static Dictionary<string, string> LatestOf(IEnumerable<ActivityContribution> readings) =>
        readings.SelectMany(r => r.Latest).GroupBy(l => l.Key, l => l.Value).ToDictionary(g => g.Key, g => g.Max(StringComparer.Ordinal)!);

    private static UpdateItemRequest BuildUpdate(ItemKey key, IReadOnlyList<ActivityContribution> readings, ItemCap? cap, IReadOnlySet<string> alreadyNewer)
    {
        var (names, values, add) = Additions(readings, negate: false);
        add.Add("#ids :ids");

        var conditions = new List<string>();
        for (var i = 0; i < readings.Count; i++)
        {
            values[$":r{i}"] = new AttributeValue { S = readings[i].SourceId };
            conditions.Add($"NOT contains(#ids, :r{i})");
        }
        if (cap is not null)
        {
            names["#cap"] = cap.Counter;
            values[":room"] = new AttributeValue { N = (cap.Max - readings.Count).ToString(CultureInfo.InvariantCulture) };
            conditions.Add("(attribute_not_exists(#cap) OR #cap <= :room)");
        }

        var set = new List<string>();
        var labels = readings.SelectMany(r => r.Labels ?? ImmutableDictionary<string, string>.Empty).DistinctBy(l => l.Key).ToList();
        for (var i = 0; i < labels.Count; i++)
        {
            names[$"#b{i}"] = labels[i].Key;
            values[$":b{i}"] = new AttributeValue { S = labels[i].Value };
            set.Add($"#b{i} = :b{i}");
        }
        var latest = LatestOf(readings).Where(l => !alreadyNewer.Contains(l.Key)).ToList();
        for (var i = 0; i < latest.Count; i++)
        {
            names[$"#l{i}"] = latest[i].Key;
            values[$":l{i}"] = new AttributeValue { S = latest[i].Value };
            set.Add($"#l{i} = :l{i}");
            // An equal value is no reason to refuse: readings of the same second arrive in any order.
            conditions.Add($"(attribute_not_exists(#l{i}) OR #l{i} <= :l{i})");
        }

        return new UpdateItemRequest
        {
            TableName = key.Table,
            Key = key.ToAttributes(),
            UpdateExpression = (set.Count > 0 ? $"SET {string.Join(", ", set)} " : "") + "ADD " + string.Join(", ", add),
            ConditionExpression = string.Join(" AND ", conditions),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
    }

    /// <summary>The values the readings add to (or, negated, take from) an item, and their ids as <c>#ids</c> / <c>:ids</c>.</summary>
    private static (Dictionary<string, string> Names, Dictionary<string, AttributeValue> Values, List<string> Add) Additions(
        IReadOnlyList<ActivityContribution> readings, bool negate)
    {
        var names = new Dictionary<string, string>();
        var values = new Dictionary<string, AttributeValue>();
        var add = new List<string>();
        var additions = readings.SelectMany(r => r.Additions).GroupBy(a => a.Key, a => a.Value).ToList();
        for (var i = 0; i < additions.Count; i++)
        {
            names[$"#a{i}"] = additions[i].Key;
            var sum = additions[i].Sum();
            values[$":a{i}"] = new AttributeValue { N = (negate ? -sum : sum).ToString(CultureInfo.InvariantCulture) };
            add.Add($"#a{i} :a{i}");
        }
        names["#ids"] = ActivityAttributes.AppliedIds;
        values[":ids"] = new() { SS = [.. readings.Select(r => r.SourceId)] };
        return (names, values, add);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not update {Table} item {PartitionKey}/{Period} ({Outcome}); its {ReadingCount} readings are left for redelivery")]
    private partial void LogItemNotUpdated(Exception exception, string table, string partitionKey, string period, int readingCount, StoreOutcome outcome);
}
