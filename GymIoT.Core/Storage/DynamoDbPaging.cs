using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace GymIoT.Core.Storage;

/// <summary>Reads every page of a query or scan: DynamoDB returns at most 1 MB per call.</summary>
public static class DynamoDbPaging
{
    public static Task<List<Dictionary<string, AttributeValue>>> QueryAllAsync(this IAmazonDynamoDB dynamoDb, QueryRequest request, CancellationToken cancellationToken = default) =>
        AllPagesAsync(async start =>
        {
            request.ExclusiveStartKey = start;
            var response = await dynamoDb.QueryAsync(request, cancellationToken);
            return (response.Items, response.LastEvaluatedKey);
        });

    public static Task<List<Dictionary<string, AttributeValue>>> ScanAllAsync(this IAmazonDynamoDB dynamoDb, ScanRequest request, CancellationToken cancellationToken = default) =>
        AllPagesAsync(async start =>
        {
            request.ExclusiveStartKey = start;
            var response = await dynamoDb.ScanAsync(request, cancellationToken);
            return (response.Items, response.LastEvaluatedKey);
        });

    private static async Task<List<Dictionary<string, AttributeValue>>> AllPagesAsync(
        Func<Dictionary<string, AttributeValue>?, Task<(List<Dictionary<string, AttributeValue>>? Items, Dictionary<string, AttributeValue>? Last)>> page)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var (pageItems, last) = await page(start);
            items.AddRange(pageItems ?? []);
            start = last is { Count: > 0 } ? last : null;
        }
        while (start is not null);
        return items;
    }
}
