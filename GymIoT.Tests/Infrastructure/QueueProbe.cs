using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Readings;

namespace GymIoT.Tests.Infrastructure;

/// <summary>Sends to and reads from the real queues the way a test needs to.</summary>
public sealed class QueueProbe(IAmazonSQS sqs) : IDisposable
{
    public async Task<string> UrlAsync(string queue) => (await sqs.GetQueueUrlAsync(queue)).QueueUrl;

    /// <summary>Sends a message, with a W3C <c>traceparent</c> and <c>baggage</c> as a sender would give them.</summary>
    public async Task<string> SendAsync(string queue, string body, string? traceParent = null, string? baggage = null) =>
        (await sqs.SendMessageAsync(new SendMessageRequest
        {
            QueueUrl = await UrlAsync(queue),
            MessageBody = body,
            MessageAttributes = new[] { ("traceparent", traceParent), ("baggage", baggage) }
                .Where(attribute => attribute.Item2 is not null)
                .ToDictionary(attribute => attribute.Item1, attribute => new MessageAttributeValue { DataType = "String", StringValue = attribute.Item2 }),
        })).MessageId;

    public async Task<IReadOnlyList<string>> SendManyAsync(string queue, IEnumerable<string> bodies)
    {
        var url = await UrlAsync(queue);
        var ids = new List<string>();
        foreach (var chunk in bodies.Chunk(GymIoT.Core.Aws.AwsLimits.SqsBatchEntries))
        {
            var response = await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = url,
                Entries = [.. chunk.Select((body, i) => new SendMessageBatchRequestEntry(i.ToString(), body))],
            });
            Assert.Empty(response.Failed ?? []);
            ids.AddRange(response.Successful.OrderBy(s => int.Parse(s.Id)).Select(s => s.MessageId));
        }
        return ids;
    }

    /// <summary>
    /// Takes from <c>Errors</c> (or another queue) the reports whose source message is one of <paramref name="sourceMessageIds"/>,
    /// until <paramref name="expected"/> (default: all) have come and the queue has had a second more to show any extra,
    /// or the time is up; anything else is put back at once.
    /// </summary>
    public async Task<Dictionary<string, (ErrorReport Report, Message Message)>> TakeReportsAsync(
        string queue, IReadOnlyCollection<string> sourceMessageIds, TimeSpan timeout, int? expected = null)
    {
        var enough = expected ?? sourceMessageIds.Count;
        DateTimeOffset? settleUntil = null;
        var url = await UrlAsync(queue);
        var found = new Dictionary<string, (ErrorReport, Message)>();
        using var cancellation = new CancellationTokenSource(timeout);
        while (!cancellation.IsCancellationRequested && (settleUntil is null || DateTimeOffset.UtcNow < settleUntil))
        {
            if (found.Count >= enough)
            {
                if (found.Count == sourceMessageIds.Count)
                {
                    break;
                }
                settleUntil ??= DateTimeOffset.UtcNow.AddSeconds(1);
            }
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 1,
                VisibilityTimeout = 30,
                MessageAttributeNames = ["All"],
            });
            foreach (var message in response.Messages ?? [])
            {
                var report = JsonSerializer.Deserialize(message.Body, MessageJson.Default.ErrorReport);
                if (report is not null && sourceMessageIds.Contains(report.SourceMessageId))
                {
                    found[report.SourceMessageId] = (report, message);
                    await sqs.DeleteMessageAsync(url, message.ReceiptHandle);
                }
                else
                {
                    await sqs.ChangeMessageVisibilityAsync(url, message.ReceiptHandle, 0);
                }
            }
        }
        return found;
    }

    /// <summary>Looks for a message by its id, leaving it (and the others) in the queue.</summary>
    public async Task<Message?> FindAsync(string queue, string messageId)
    {
        var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = await UrlAsync(queue),
            MaxNumberOfMessages = 10,
            WaitTimeSeconds = 1,
            VisibilityTimeout = 1,
            MessageSystemAttributeNames = ["All"],
        });
        return response.Messages?.FirstOrDefault(m => m.MessageId == messageId);
    }

    /// <summary>
    /// The ids and receive counts of every message waiting in a queue, read by receiving them all; they stay invisible for
    /// a minute, which is only for a test that has failed and is saying why.
    /// </summary>
    public async Task<Dictionary<string, int>> ReceiveCountsInAsync(string queue)
    {
        var url = await UrlAsync(queue);
        var found = new Dictionary<string, int>();
        while (true)
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url,
                MaxNumberOfMessages = 10,
                WaitTimeSeconds = 0,
                VisibilityTimeout = 60,
                MessageSystemAttributeNames = ["ApproximateReceiveCount"],
            });
            if (response.Messages is not { Count: > 0 } messages)
            {
                return found;
            }
            foreach (var message in messages)
            {
                found[message.MessageId] = int.Parse(message.Attributes["ApproximateReceiveCount"]);
            }
        }
    }

    /// <summary>Messages waiting to be received (not those in flight).</summary>
    public async Task<int> VisibleAsync(string queue) =>
        (await sqs.GetQueueAttributesAsync(await UrlAsync(queue), ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages;

    public async Task<bool> ExistsAsync(string queue)
    {
        try
        {
            await UrlAsync(queue);
            return true;
        }
        catch (Exception ex) when (ex is QueueDoesNotExistException or Amazon.Runtime.AmazonServiceException or HttpRequestException)
        {
            return false;
        }
    }

    public async Task<int> DepthAsync(string queue)
    {
        var attributes = await sqs.GetQueueAttributesAsync(await UrlAsync(queue), ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        return attributes.ApproximateNumberOfMessages + attributes.ApproximateNumberOfMessagesNotVisible;
    }

    public void Dispose() => sqs.Dispose();
}
