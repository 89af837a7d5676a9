using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Constructs;
using GymIoT.Core.Aws;
using GymIoT.Core.Provisioning;
using Sdk = Amazon.DynamoDBv2.Model;

namespace GymIoT.Deploy.Data;

/// <summary>
/// Every table of <see cref="TableDefinitions"/>, with the keys and indexes the AppHost's provisioner creates, on demand,
/// encrypted, with point-in-time recovery and deletion protection, and kept when the stack is deleted; items that carry
/// their own end expire (<see cref="TableDefinitions.TimeToLive"/>).
/// </summary>
public sealed class GymIoTTables : Construct
{
    public GymIoTTables(Construct scope, string id) : base(scope, id)
    {
        foreach (var definition in TableDefinitions.All)
        {
            AwsNameRules.EnsureValidTableName(definition.TableName);
            var table = new Table(this, definition.TableName, new TableProps
            {
                TableName = definition.TableName,
                PartitionKey = Key(definition, Amazon.DynamoDBv2.KeyType.HASH, definition.KeySchema)!,
                SortKey = Key(definition, Amazon.DynamoDBv2.KeyType.RANGE, definition.KeySchema),
                BillingMode = BillingMode.PAY_PER_REQUEST,
                Encryption = TableEncryption.AWS_MANAGED,
                PointInTimeRecovery = true,
                DeletionProtection = true,
                RemovalPolicy = RemovalPolicy.RETAIN,
                TimeToLiveAttribute = TableDefinitions.TimeToLive.GetValueOrDefault(definition.TableName),
            });
            foreach (var index in definition.GlobalSecondaryIndexes ?? [])
            {
                table.AddGlobalSecondaryIndex(new GlobalSecondaryIndexProps
                {
                    IndexName = index.IndexName,
                    PartitionKey = Key(definition, Amazon.DynamoDBv2.KeyType.HASH, index.KeySchema)!,
                    SortKey = Key(definition, Amazon.DynamoDBv2.KeyType.RANGE, index.KeySchema),
                    ProjectionType = index.Projection.ProjectionType == Amazon.DynamoDBv2.ProjectionType.ALL
                        ? ProjectionType.ALL
                        : throw new NotSupportedException($"Index {index.IndexName} projects {index.Projection.ProjectionType}; only ALL is declared."),
                });
            }
            ByName[definition.TableName] = table;
            IndexesOf[definition.TableName] = [.. (definition.GlobalSecondaryIndexes ?? []).Select(i => i.IndexName)];
        }
    }

    public Dictionary<string, Table> ByName { get; } = [];

    /// <summary>The global secondary indexes of each table: a query on one needs a grant on the index too.</summary>
    public Dictionary<string, IReadOnlyList<string>> IndexesOf { get; } = [];

    private static Amazon.CDK.AWS.DynamoDB.Attribute? Key(Sdk.CreateTableRequest table, Amazon.DynamoDBv2.KeyType type, IEnumerable<Sdk.KeySchemaElement> keys) =>
        keys.SingleOrDefault(k => k.KeyType == type) is { } key
            ? new Amazon.CDK.AWS.DynamoDB.Attribute
            {
                Name = key.AttributeName,
                Type = table.AttributeDefinitions.Single(a => a.AttributeName == key.AttributeName).AttributeType.Value switch
                {
                    "S" => AttributeType.STRING,
                    "N" => AttributeType.NUMBER,
                    "B" => AttributeType.BINARY,
                    var other => throw new NotSupportedException($"Key {key.AttributeName} of {table.TableName} has type {other}."),
                },
            }
            : null;
}
