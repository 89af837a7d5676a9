using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.ErrorNotifier;

/// <summary>
/// Which channel has taken which report (table <c>NotificationDeliveries</c>): a retried batch is sent only to the channels
/// that have not taken it yet.
/// </summary>
public sealed class DeliveryLedger(IAmazonDynamoDB dynamoDb, TimeProvider timeProvider)
{
    public async Task<HashSet<string>> DeliveredAsync(IEnumerable<string> reportIds, string channel, CancellationToken cancellationToken) =>
        [.. (await dynamoDb.BatchGetAllAsync(TableNames.NotificationDeliveries, reportIds.Distinct().Select(id => Key(id, channel)), cancellationToken: cancellationToken))
            .Select(item => item[KeyNames.ReportId].S)];

    public async Task RecordAsync(IEnumerable<string> reportIds, string channel, CancellationToken cancellationToken)
    {
        foreach (var reportId in reportIds)
        {
            var item = Key(reportId, channel);
            item["DeliveredAt"] = new AttributeValue { S = timeProvider.GetUtcNow().ToString("O") };
            await dynamoDb.PutItemAsync(new PutItemRequest { TableName = TableNames.NotificationDeliveries, Item = item }, cancellationToken);
        }
    }

    private static Dictionary<string, AttributeValue> Key(string reportId, string channel) => new()
    {
        [KeyNames.ReportId] = new AttributeValue { S = reportId },
        [KeyNames.Channel] = new AttributeValue { S = channel },
    };
}
