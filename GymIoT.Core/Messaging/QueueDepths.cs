using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Queues;

namespace GymIoT.Core.Messaging;

/// <summary>How many messages wait in a queue, and how many are being handled.</summary>
public sealed record QueueDepth(string Queue, int Waiting, int InFlight);

public sealed class QueueDepths(IAmazonSQS sqs, QueueDirectory queues)
{
    /// <summary>Every queue and its dead-letter queue, as SQS reports them (approximately).</summary>
    public async Task<IReadOnlyList<QueueDepth>> ReadAsync(CancellationToken cancellationToken = default)
    {
        return await Task.WhenAll(QueueNames.WithDeadLetters.Select(async name =>
        {
            var attributes = await sqs.GetQueueAttributesAsync(new GetQueueAttributesRequest
            {
                QueueUrl = await queues.UrlOfAsync(name, cancellationToken),
                AttributeNames = [QueueAttributeName.ApproximateNumberOfMessages, QueueAttributeName.ApproximateNumberOfMessagesNotVisible],
            }, cancellationToken);
            return new QueueDepth(name, attributes.ApproximateNumberOfMessages, attributes.ApproximateNumberOfMessagesNotVisible);
        }));
    }
}
