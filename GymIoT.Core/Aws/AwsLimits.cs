namespace GymIoT.Core.Aws;

/// <summary>
/// The documented limits of SQS and DynamoDB that GymIoT comes near, which the emulators do not all enforce
/// (<see cref="AwsLimitGuard"/> enforces them in their place).
/// </summary>
public static class AwsLimits
{
    /// <summary>Entries in a <c>SendMessageBatch</c>, <c>DeleteMessageBatch</c> or <c>ChangeMessageVisibilityBatch</c>.</summary>
    public const int SqsBatchEntries = 10;

    /// <summary>A message, or a whole send batch: body plus attribute names, types and values (1 MiB).</summary>
    public const int SqsPayloadBytes = 1024 * 1024;

    public const int SqsMessageAttributes = 10;

    /// <summary>A visibility timeout, in seconds (12 hours).</summary>
    public const int SqsMaxVisibilitySeconds = 12 * 60 * 60;

    public const int SqsMaxReceiveMessages = 10;

    public const int SqsMaxWaitSeconds = 20;

    public const int SqsMaxDelaySeconds = 15 * 60;

    /// <summary>A batch entry's id: letters, digits, hyphens and underscores.</summary>
    public const int SqsBatchEntryIdLength = 80;

    /// <summary>An item, attribute names included (400 KB).</summary>
    public const int DynamoDbItemBytes = 400 * 1024;

    /// <summary>Any one expression: key condition, condition, filter, update, projection (4 KB).</summary>
    public const int DynamoDbExpressionBytes = 4 * 1024;

    public const int DynamoDbBatchGetKeys = 100;

    public const int DynamoDbBatchWriteRequests = 25;

    public const int DynamoDbTransactionItems = 100;
}
