using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Live;

/// <summary>
/// The <c>LiveListeners</c> table: the queue of each running dashboard that wants <see cref="LiveNotice"/>s, with the last
/// time it said it is alive. Notices go only to listeners alive lately; listeners long silent are cleared away.
/// </summary>
public sealed class LiveListenerStore(IAmazonDynamoDB dynamoDb)
{
    /// <summary>A listener that has not said it is alive for this long gets no notices.</summary>
    public static readonly TimeSpan Silent = TimeSpan.FromSeconds(90);

    /// <summary>A listener silent for this long has stopped for good: its queue may be deleted.</summary>
    public static readonly TimeSpan Gone = TimeSpan.FromMinutes(10);

    private const string QueueUrl = "QueueUrl";
    private const string AliveAt = "AliveAt";

    /// <summary>Registers the listener, or says it is still alive.</summary>
    public Task AliveAsync(string queueName, string queueUrl, DateTimeOffset now, CancellationToken cancellationToken = default) =>
        dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = TableNames.LiveListeners,
            Item = new()
            {
                [KeyNames.QueueName] = new() { S = queueName },
                [QueueUrl] = new() { S = queueUrl },
                [AliveAt] = new() { S = StoredTime.Of(now) },
            },
        }, cancellationToken);

    public Task RemoveAsync(string queueName, CancellationToken cancellationToken = default) =>
        dynamoDb.DeleteItemAsync(new DeleteItemRequest
        {
            TableName = TableNames.LiveListeners,
            Key = new() { [KeyNames.QueueName] = new() { S = queueName } },
        }, cancellationToken);

    /// <summary>Every listener with its queue and how long it has been silent.</summary>
    public async Task<IReadOnlyList<LiveListener>> AllAsync(DateTimeOffset now, CancellationToken cancellationToken = default) =>
        [.. (await dynamoDb.ScanAllAsync(new ScanRequest { TableName = TableNames.LiveListeners }, cancellationToken)).Select(item => new LiveListener(
            item[KeyNames.QueueName].S,
            item[QueueUrl].S,
            now - DateTimeOffset.Parse(item[AliveAt].S, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)))];
}

/// <summary>A dashboard's queue of notices, silent for <paramref name="SilentFor"/>.</summary>
public sealed record LiveListener(string QueueName, string QueueUrl, TimeSpan SilentFor);
