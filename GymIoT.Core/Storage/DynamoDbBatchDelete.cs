using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Aws;

namespace GymIoT.Core.Storage;

/// <summary>Deletes items of one table by key: in batches DynamoDB takes, sending again what it left unprocessed.</summary>
public static class DynamoDbBatchDelete
{
    /// <param name="keys">Distinct keys: DynamoDB refuses a batch that names one twice.</param>
    /// <returns>How many deletions were asked for (an absent item counts: deleting it changes nothing).</returns>
    public static async Task<int> BatchDeleteAllAsync(
        this IAmazonDynamoDB dynamoDb, string table, IEnumerable<Dictionary<string, AttributeValue>> keys, CancellationToken cancellationToken = default)
    {
        var deleted = 0;
        foreach (var chunk in keys.Chunk(AwsLimits.DynamoDbBatchWriteRequests))
        {
            var request = new Dictionary<string, List<WriteRequest>>
            {
                [table] = [.. chunk.Select(key => new WriteRequest(new DeleteRequest(key)))],
            };
            while (request.Count > 0)
            {
                var response = await dynamoDb.BatchWriteItemAsync(request, cancellationToken);
                request = response.UnprocessedItems is { Count: > 0 } unprocessed ? unprocessed : [];
            }
            deleted += chunk.Length;
        }
        return deleted;
    }
}
