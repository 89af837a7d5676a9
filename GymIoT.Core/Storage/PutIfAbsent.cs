using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace GymIoT.Core.Storage;

/// <summary>Writes an item only when none has its key: the first write stands, however many race to make it.</summary>
public static class PutIfAbsent
{
    /// <param name="keyName">The item's partition key attribute.</param>
    /// <returns>True when this call wrote the item; false when one was there already.</returns>
    public static async Task<bool> PutIfAbsentAsync(this IAmazonDynamoDB dynamoDb, string table, Dictionary<string, AttributeValue> item, string keyName, CancellationToken cancellationToken = default)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = table,
                Item = item,
                ConditionExpression = "attribute_not_exists(#k)",
                ExpressionAttributeNames = new() { ["#k"] = keyName },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
