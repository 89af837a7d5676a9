using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Telemetry;
using Microsoft.Extensions.Logging;

namespace GymIoT.Core.Storage;

/// <summary>
/// Folds readings into aggregate items exactly once without transactions: one conditional <c>UpdateItem</c> per item adds the
/// values and records the reading ids in the item's own <c>AppliedIds</c> set, on condition that none of them is there yet.
/// Readings for the same item are coalesced into one write; when the condition fails, the item's set says which are new.
/// </summary>
public sealed class ActivityStore(IAmazonDynamoDB dynamoDb, ServiceTelemetry telemetry, ILogger<ActivityStore> logger)
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
        var applied = new ConcurrentDictionary<string, int>();
        var duplicate = new ConcurrentDictionary<string, int>();
        var failed = new ConcurrentDictionary<string, bool>();

        var updates = contributions
            .GroupBy(c => c.Key)
            .SelectMany(item => item.DistinctBy(c => c.SourceId).Chunk(MaxReadingsPerUpdate).Select(chunk => (item.Key, Readings: chunk)));

        await Parallel.ForEachAsync(
            updates,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (update, token) =>
            {
                try
                {
                    var (newOnes, alreadyThere) = await ApplyToItemAsync(update.Key, update.Readings, token);
                    foreach (var id in newOnes)
                    {
                        applied.AddOrUpdate(id, 1, (_, n) => n + 1);
                    }
                    foreach (var id in alreadyThere)
                    {
                        duplicate.AddOrUpdate(id, 1, (_, n) => n + 1);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Could not update {Table} item {PartitionKey}/{Period}; its {ReadingCount} readings will be delivered again",
                        update.Key.Table, update.Key.PartitionKey, update.Key.Period, update.Readings.Length);
                    foreach (var contribution in update.Readings)
                    {
                        failed[contribution.SourceId] = true;
                    }
                }
            });

        return itemsPerReading.ToDictionary(
            reading => reading.Key,
            reading => failed.ContainsKey(reading.Key) ? StoreOutcome.Failed
                : duplicate.GetValueOrDefault(reading.Key) == reading.Value ? StoreOutcome.Duplicate
                : StoreOutcome.Applied);
    }

    private async Task<(IReadOnlyList<string> Applied, IReadOnlyList<string> Duplicates)> ApplyToItemAsync(
        ItemKey key, IReadOnlyList<ActivityContribution> readings, CancellationToken cancellationToken)
    {
        var pending = readings.ToList();
        var duplicates = new List<string>();
        for (var attempt = 1; attempt <= MaxAttempts && pending.Count > 0; attempt++)
        {
            try
            {
                _writeCounter.Add(1);
                await dynamoDb.UpdateItemAsync(BuildUpdate(key, pending), cancellationToken);
                return ([.. pending.Select(p => p.SourceId)], duplicates);
            }
            catch (ConditionalCheckFailedException)
            {
                var recorded = await AppliedIdsAsync(key, cancellationToken);
                duplicates.AddRange(pending.Where(p => recorded.Contains(p.SourceId)).Select(p => p.SourceId));
                pending.RemoveAll(p => recorded.Contains(p.SourceId));
            }
        }
        if (pending.Count > 0)
        {
            throw new TimeoutException($"Item {key.PartitionKey}/{key.Period} kept changing under {MaxAttempts} attempts.");
        }
        return ([], duplicates);
    }

    private async Task<HashSet<string>> AppliedIdsAsync(ItemKey key, CancellationToken cancellationToken)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = key.Table,
            Key = key.ToAttributes(),
            ConsistentRead = true,
            ProjectionExpression = "#ids",
            ExpressionAttributeNames = new Dictionary<string, string> { ["#ids"] = ActivityAttributes.AppliedIds },
        }, cancellationToken);
        return response.Item is { } item && item.TryGetValue(ActivityAttributes.AppliedIds, out var ids) ? [.. ids.SS ?? []] : [];
    }

    private static UpdateItemRequest BuildUpdate(ItemKey key, IReadOnlyList<ActivityContribution> readings)
    {
        var names = new Dictionary<string, string> { ["#ids"] = ActivityAttributes.AppliedIds };
        var values = new Dictionary<string, AttributeValue> { [":ids"] = new() { SS = [.. readings.Select(r => r.SourceId)] } };

        var additions = readings.SelectMany(r => r.Additions).GroupBy(a => a.Key, a => a.Value).ToList();
        var add = new List<string>();
        for (var i = 0; i < additions.Count; i++)
        {
            names[$"#a{i}"] = additions[i].Key;
            values[$":a{i}"] = new AttributeValue { N = additions[i].Sum().ToString(CultureInfo.InvariantCulture) };
            add.Add($"#a{i} :a{i}");
        }
        add.Add("#ids :ids");

        var latest = readings.SelectMany(r => r.Latest).GroupBy(l => l.Key, l => l.Value).ToList();
        var set = new List<string>();
        for (var i = 0; i < latest.Count; i++)
        {
            names[$"#l{i}"] = latest[i].Key;
            values[$":l{i}"] = new AttributeValue { S = latest[i].Max(StringComparer.Ordinal)! };
            set.Add($"#l{i} = :l{i}");
        }

        var conditions = new List<string>();
        for (var i = 0; i < readings.Count; i++)
        {
            values[$":r{i}"] = new AttributeValue { S = readings[i].SourceId };
            conditions.Add($"NOT contains(#ids, :r{i})");
        }

        return new UpdateItemRequest
        {
            TableName = key.Table,
            Key = key.ToAttributes(),
            UpdateExpression = "ADD " + string.Join(", ", add) + (set.Count > 0 ? " SET " + string.Join(", ", set) : ""),
            ConditionExpression = string.Join(" AND ", conditions),
            ExpressionAttributeNames = names,
            ExpressionAttributeValues = values,
        };
    }
}
