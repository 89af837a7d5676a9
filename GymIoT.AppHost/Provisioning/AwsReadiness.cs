using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Provisioning;
using GymIoT.Core.Queues;

namespace GymIoT.AppHost.Provisioning;

/// <summary>
/// Whether an AWS account has what GymIoT needs, when the AppHost does not provision it: every queue with its
/// dead-letter queue, and every table.
/// </summary>
public sealed class AwsReadiness(IAmazonSQS sqs, IAmazonDynamoDB dynamoDb)
{
    /// <returns>What is missing, in one line with what to do; null when nothing is.</returns>
    public async Task<string?> MissingAsync(string region, CancellationToken cancellationToken = default)
    {
        var queues = new List<string>();
        foreach (var queue in QueueNames.WithDeadLetters)
        {
            try
            {
                await sqs.GetQueueUrlAsync(new GetQueueUrlRequest { QueueName = queue }, cancellationToken);
            }
            catch (QueueDoesNotExistException)
            {
                queues.Add(queue);
            }
        }
        var tables = new List<string>();
        foreach (var table in TableDefinitions.All)
        {
            try
            {
                await dynamoDb.DescribeTableAsync(new DescribeTableRequest { TableName = table.TableName }, cancellationToken);
            }
            catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
            {
                tables.Add(table.TableName);
            }
        }
        if (queues.Count == 0 && tables.Count == 0)
        {
            return null;
        }
        var missing = string.Join("; ", new[] { (Kind: "queues", Names: queues), (Kind: "tables", Names: tables) }
            .Where(m => m.Names.Count > 0).Select(m => $"{m.Kind} {string.Join(", ", m.Names)}"));
        return $"Missing on AWS in {region}: {missing}. Deploy the stack (deploy/), or start once with --Aws:Provision=true to create them.";
    }
}
