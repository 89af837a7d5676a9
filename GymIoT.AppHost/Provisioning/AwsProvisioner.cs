using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Aws;
using GymIoT.Core.Provisioning;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using Microsoft.Extensions.Logging;

namespace GymIoT.AppHost.Provisioning;

/// <summary>
/// Creates GymIoT's queues (each with its dead-letter queue and redrive policy) and tables.
/// Idempotent: what exists with the wanted settings is left alone, what differs is set right, what is missing is created.
/// </summary>
public sealed class AwsProvisioner(IAmazonSQS sqs, IAmazonDynamoDB dynamoDb, TimeProvider timeProvider, ILogger logger)
{
    private static readonly TimeSpan TableActiveTimeout = TimeSpan.FromSeconds(60);

    public async Task<ProvisioningReport> ProvisionAsync(CancellationToken cancellationToken = default)
    {
        var created = new List<string>();
        var updated = new List<string>();
        var unchanged = new List<string>();

        void Record(string name, Outcome outcome) =>
            (outcome switch { Outcome.Created => created, Outcome.Updated => updated, _ => unchanged }).Add(name);

        foreach (var queueName in QueueNames.Sources)
        {
            var deadLetterName = QueueNames.DeadLetterOf(queueName);
            var (deadLetterUrl, deadLetterOutcome) = await EnsureQueueAsync(deadLetterName, QueueSettings.ForDeadLetterQueue(), cancellationToken);
            Record(deadLetterName, deadLetterOutcome);

            var deadLetterArn = await GetQueueArnAsync(deadLetterUrl, cancellationToken);
            var (_, outcome) = await EnsureQueueAsync(queueName, QueueSettings.ForSourceQueue(queueName, deadLetterArn), cancellationToken);
            Record(queueName, outcome);
        }

        foreach (var table in TableDefinitions.All)
        {
            Record(table.TableName, await EnsureTableAsync(table, cancellationToken));
        }

        var report = new ProvisioningReport(created, updated, unchanged);
        logger.LogInformation("AWS provisioning finished: {ProvisioningReport}", report);
        return report;
    }

    private async Task<(string Url, Outcome Outcome)> EnsureQueueAsync(
        string name, Dictionary<string, string> wanted, CancellationToken cancellationToken)
    {
        AwsNameRules.EnsureValidQueueName(name);
        string url;
        try
        {
            url = (await sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = name }, cancellationToken)).QueueUrl;
        }
        catch (QueueDoesNotExistException)
        {
            url = (await sqs.CreateQueueAsync(new CreateQueueRequest { QueueName = name, Attributes = wanted }, cancellationToken)).QueueUrl;
            logger.LogInformation("Created queue {QueueName}", name);
            return (url, Outcome.Created);
        }

        var current = (await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [.. wanted.Keys] }, cancellationToken)).Attributes ?? [];
        var differing = wanted.Where(w => !AttributeEquals(w.Key, w.Value, current.GetValueOrDefault(w.Key))).ToDictionary();
        if (differing.Count == 0)
        {
            return (url, Outcome.Unchanged);
        }

        await sqs.SetQueueAttributesAsync(new SetQueueAttributesRequest { QueueUrl = url, Attributes = differing }, cancellationToken);
        logger.LogInformation("Updated queue {QueueName}: {QueueAttributes}", name, string.Join(", ", differing.Keys));
        return (url, Outcome.Updated);
    }

    private async Task<string> GetQueueArnAsync(string url, CancellationToken cancellationToken)
    {
        var response = await sqs.GetQueueAttributesAsync(
            new GetQueueAttributesRequest { QueueUrl = url, AttributeNames = [QueueAttributeName.QueueArn] }, cancellationToken);
        return response.Attributes?.GetValueOrDefault(QueueAttributeName.QueueArn)
            ?? throw new InvalidOperationException($"SQS returned no ARN for queue {url}.");
    }

    private static bool AttributeEquals(string name, string wanted, string? current)
    {
        if (current is null)
        {
            return false;
        }
        if (name != QueueAttributeName.RedrivePolicy)
        {
            return wanted == current;
        }
        return RedriveTarget(wanted) == RedriveTarget(current);
    }

    private static (string? Arn, string? MaxReceiveCount) RedriveTarget(string policy)
    {
        using var json = JsonDocument.Parse(policy);
        var root = json.RootElement;
        var arn = root.TryGetProperty("deadLetterTargetArn", out var a) ? a.GetString() : null;
        var count = root.TryGetProperty("maxReceiveCount", out var c)
            ? c.ValueKind == JsonValueKind.Number ? c.GetRawText() : c.GetString()
            : null;
        return (arn, count);
    }

    private async Task<Outcome> EnsureTableAsync(CreateTableRequest wanted, CancellationToken cancellationToken)
    {
        AwsNameRules.EnsureValidTableName(wanted.TableName);
        try
        {
            var existing = (await dynamoDb.DescribeTableAsync(wanted.TableName, cancellationToken)).Table;
            EnsureSameKeys(wanted, existing);
            if (existing.TableStatus != TableStatus.ACTIVE)
            {
                await WaitUntilActiveAsync(wanted.TableName, cancellationToken);
            }
            return Outcome.Unchanged;
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            await dynamoDb.CreateTableAsync(wanted, cancellationToken);
            await WaitUntilActiveAsync(wanted.TableName, cancellationToken);
            logger.LogInformation("Created table {TableName}", wanted.TableName);
            return Outcome.Created;
        }
    }

    private static void EnsureSameKeys(CreateTableRequest wanted, TableDescription existing)
    {
        static string Keys(IEnumerable<KeySchemaElement>? keys) =>
            string.Join(",", (keys ?? []).Select(k => $"{k.AttributeName}:{k.KeyType}"));

        var wantedIndexes = (wanted.GlobalSecondaryIndexes ?? []).Select(i => $"{i.IndexName}({Keys(i.KeySchema)})").Order();
        var existingIndexes = (existing.GlobalSecondaryIndexes ?? []).Select(i => $"{i.IndexName}({Keys(i.KeySchema)})").Order();
        if (Keys(wanted.KeySchema) != Keys(existing.KeySchema) || !wantedIndexes.SequenceEqual(existingIndexes))
        {
            throw new InvalidOperationException(
                $"Table {wanted.TableName} exists with keys [{Keys(existing.KeySchema)}] and indexes [{string.Join(";", existingIndexes)}], " +
                $"but GymIoT needs keys [{Keys(wanted.KeySchema)}] and indexes [{string.Join(";", wantedIndexes)}]. Migrate or delete it.");
        }
    }

    private async Task WaitUntilActiveAsync(string tableName, CancellationToken cancellationToken)
    {
        var deadline = timeProvider.GetUtcNow() + TableActiveTimeout;
        while (true)
        {
            var status = (await dynamoDb.DescribeTableAsync(tableName, cancellationToken)).Table.TableStatus;
            if (status == TableStatus.ACTIVE)
            {
                return;
            }
            if (timeProvider.GetUtcNow() > deadline)
            {
                throw new TimeoutException($"Table {tableName} is still {status} after {TableActiveTimeout.TotalSeconds} s.");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(200), timeProvider, cancellationToken);
        }
    }

    private enum Outcome { Created, Updated, Unchanged }
}
