using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Aws;

namespace GymIoT.Core.Storage;

/// <summary>Reads items of one table by key, consistently: in batches DynamoDB takes, asking again for the keys it left unprocessed.</summary>
public static class DynamoDbBatchGet
{
    /// <param name="keys">Distinct keys: DynamoDB refuses a batch that names one twice.</param>
    /// <param name="projection">The attributes to read (null: all), with <paramref name="names"/> for the placeholders it uses.</param>
    /// <returns>The items found, in no particular order.</returns>
    public static async Task<List<Dictionary<string, AttributeValue>>> BatchGetAllAsync(
        this IAmazonDynamoDB dynamoDb,
        string table,
        IEnumerable<Dictionary<string, AttributeValue>> keys,
        string? projection = null,
        Dictionary<string, string>? names = null,
        CancellationToken cancellationToken = default)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        foreach (var chunk in keys.Chunk(AwsLimits.DynamoDbBatchGetKeys))
        {
            var request = new Dictionary<string, KeysAndAttributes>
            {
                [table] = new KeysAndAttributes { Keys = [.. chunk], ConsistentRead = true, ProjectionExpression = projection, ExpressionAttributeNames = names },
            };
            while (request.Count > 0)
            {
                var response = await dynamoDb.BatchGetItemAsync(request, cancellationToken);
                items.AddRange(response.Responses?.GetValueOrDefault(table) ?? []);
                request = response.UnprocessedKeys is { Count: > 0 } unprocessed ? unprocessed : [];
            }
        }
        return items;
    }
}
