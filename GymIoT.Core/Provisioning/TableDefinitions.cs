using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Provisioning;

/// <summary>
/// How each table of <see cref="TableNames"/> is created: keys, indexes and on-demand billing. The one definition the
/// AppHost's provisioner creates and the deploy stack declares.
/// </summary>
public static class TableDefinitions
{
    /// <summary>Fresh requests on every call, so a caller may change its copy.</summary>
    public static IReadOnlyList<CreateTableRequest> All =>
    [
        Table(TableNames.Members, KeyNames.MemberId),
        Table(TableNames.MemberActivity, KeyNames.MemberId, KeyNames.Period),
        WithIndex(
            Table(TableNames.DeviceActivity, KeyNames.DeviceId, KeyNames.Period),
            KeyNames.DeviceActivityByPeriod, KeyNames.Period, KeyNames.DeviceId),
        Table(TableNames.NotificationDeliveries, KeyNames.ReportId, KeyNames.Channel),
        Table(TableNames.DataProtectionKeys, KeyNames.FriendlyName),
        Table(TableNames.TrainingCards, KeyNames.CardId),
        Table(TableNames.CardAssignments, KeyNames.MemberId, KeyNames.Assignment),
        Table(TableNames.CardOffers, KeyNames.MemberId, KeyNames.Period),
        Table(TableNames.CoachSessions, KeyNames.MemberId, KeyNames.Session),
        Table(TableNames.Alerts, KeyNames.MemberId, KeyNames.AlertId),
        Table(TableNames.MonthReviews, KeyNames.MemberId, KeyNames.Period),
        Table(TableNames.LiveListeners, KeyNames.QueueName),
        Table(TableNames.Throttles, KeyNames.Subject),
        Table(TableNames.AccountSessions, KeyNames.MemberId, KeyNames.SessionId),
        Table(TableNames.MemberErasures, KeyNames.MemberId),
    ];

    /// <summary>
    /// The tables of what GymIoT holds about each member, besides <see cref="TableNames.Members"/>: every table whose items
    /// are keyed by the member (and the sort key each has), so a table added so is exported and erased with the rest.
    /// </summary>
    public static IReadOnlyList<(string Table, string? SortKey)> KeyedByMember =>
        [.. All.Where(t => t.TableName is not (TableNames.Members or TableNames.MemberErasures)
                && t.KeySchema.Single(k => k.KeyType == KeyType.HASH).AttributeName == KeyNames.MemberId)
            .Select(t => (t.TableName, t.KeySchema.SingleOrDefault(k => k.KeyType == KeyType.RANGE)?.AttributeName))];

    /// <summary>
    /// The tables whose items carry their own end (<see cref="KeyNames.ExpiresAt"/>), which DynamoDB's time to live honours
    /// on AWS. The emulator has no time to live: there such items stay, and the code treats an expired one as absent.
    /// </summary>
    public static IReadOnlyDictionary<string, string> TimeToLive { get; } = new Dictionary<string, string>
    {
        [TableNames.Throttles] = KeyNames.ExpiresAt,
        [TableNames.AccountSessions] = KeyNames.ExpiresAt,
    };

    private static CreateTableRequest Table(string name, string partitionKey, string? sortKey = null)
    {
        var request = new CreateTableRequest
        {
            TableName = name,
            BillingMode = BillingMode.PAY_PER_REQUEST,
            KeySchema = [new KeySchemaElement(partitionKey, KeyType.HASH)],
            AttributeDefinitions = [new AttributeDefinition(partitionKey, ScalarAttributeType.S)],
        };
        if (sortKey is not null)
        {
            request.KeySchema.Add(new KeySchemaElement(sortKey, KeyType.RANGE));
            request.AttributeDefinitions.Add(new AttributeDefinition(sortKey, ScalarAttributeType.S));
        }
        return request;
    }

    private static CreateTableRequest WithIndex(CreateTableRequest table, string indexName, string partitionKey, string sortKey)
    {
        table.GlobalSecondaryIndexes =
        [
            new GlobalSecondaryIndex
            {
                IndexName = indexName,
                KeySchema = [new KeySchemaElement(partitionKey, KeyType.HASH), new KeySchemaElement(sortKey, KeyType.RANGE)],
                Projection = new Projection { ProjectionType = ProjectionType.ALL },
            },
        ];
        return table;
    }
}
