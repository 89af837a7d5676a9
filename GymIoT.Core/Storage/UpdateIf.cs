using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace GymIoT.Core.Storage;

/// <summary>An update made only when its condition holds, told apart from one refused by it without an exception to catch.</summary>
public static class UpdateIf
{
    /// <param name="request">An update with its <see cref="UpdateItemRequest.ConditionExpression"/>.</param>
    /// <returns>True when the item was updated; false when the condition did not hold and nothing changed.</returns>
    public static async Task<bool> UpdateIfAsync(this IAmazonDynamoDB dynamoDb, UpdateItemRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(request, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
