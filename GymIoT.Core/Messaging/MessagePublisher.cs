using System.Diagnostics;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Aws;
using GymIoT.Core.Telemetry;
using OpenTelemetry;

namespace GymIoT.Core.Messaging;

/// <summary>
/// Sends messages to SQS in batches of up to 10, each inside a producer span of its own trace, whose context and baggage
/// travel in its message attributes (<see cref="TraceContext"/>).
/// </summary>
public sealed class MessagePublisher(IAmazonSQS sqs, QueueDirectory queues, ServiceTelemetry telemetry)
{
    /// <summary>
    /// <c>SendMessageBatch</c> calls in flight at once for one call of <see cref="SendBatchAsync"/>: a batch of the aggregator
    /// hands up to 2,000 readings to the coach, and 200 calls one after another held the batch (and the messages it keeps
    /// invisible) for seconds.
    /// </summary>
    public const int BatchesInFlight = 8;

    /// <summary>
    /// Sends every message, up to <see cref="BatchesInFlight"/> batches of 10 at a time; returns what became of each, in
    /// order (the caller decides whether to retry the refused). A call that fails throws, and the caller takes none as sent.
    /// </summary>
    public async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(
        string queueName, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        var url = await queues.UrlOfAsync(queueName, cancellationToken);
        var chunks = messages.Chunk(AwsLimits.SqsBatchEntries).ToArray();
        var outcomes = new SendOutcome[chunks.Length][];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, chunks.Length),
            new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken },
            async (index, token) => outcomes[index] = await SendChunkAsync(queueName, url, chunks[index], token));
        return [.. outcomes.SelectMany(chunk => chunk)];
    }

    private async Task<SendOutcome[]> SendChunkAsync(string queueName, string url, OutgoingMessage[] chunk, CancellationToken cancellationToken)
    {
        var spans = chunk.Select(message => StartProducerSpan(queueName, message.Trace)).ToArray();
        try
        {
            var request = new SendMessageBatchRequest
            {
                QueueUrl = url,
                Entries = [.. chunk.Select((message, i) => Entry(i, message, spans[i]))],
            };
            var response = await sqs.SendMessageBatchAsync(request, cancellationToken);
            var sentIds = (response.Successful ?? []).ToDictionary(s => int.Parse(s.Id), s => s.MessageId);
            var errors = (response.Failed ?? []).ToDictionary(f => int.Parse(f.Id), f => $"{f.Code}: {f.Message}");
            var outcomes = new SendOutcome[chunk.Length];
            for (var i = 0; i < chunk.Length; i++)
            {
                var messageId = sentIds.GetValueOrDefault(i);
                var error = messageId is null ? errors.GetValueOrDefault(i) ?? "SQS did not answer for this message" : null;
                spans[i]?.SetTag(MessagingTags.MessageId, messageId);
                if (error is not null)
                {
                    spans[i]?.SetStatus(ActivityStatusCode.Error, error);
                }
                var traceId = spans[i]?.TraceId ?? chunk[i].Trace.TraceId;
                outcomes[i] = new SendOutcome(chunk[i], messageId, error, traceId);
            }
            return outcomes;
        }
        catch (Exception ex)
        {
            foreach (var span in spans)
            {
                span?.AddException(ex).SetStatus(ActivityStatusCode.Error, ex.Message);
            }
            throw;
        }
        finally
        {
            foreach (var span in spans)
            {
                span?.Dispose();
            }
        }
    }

    private Activity? StartProducerSpan(string queueName, ActivityContext trace)
    {
        var parent = trace == default ? Activity.Current?.Context ?? default : trace;
        var span = telemetry.ActivitySource.StartActivity($"send {queueName}", ActivityKind.Producer, parent);
        span?.SetTag(MessagingTags.System, MessagingTags.AwsSqs)
            .SetTag(MessagingTags.Operation, "send")
            .SetTag(MessagingTags.Destination, queueName);
        return span;
    }

    private static SendMessageBatchRequestEntry Entry(int index, OutgoingMessage message, Activity? span)
    {
        var attributes = new Dictionary<string, MessageAttributeValue>();
        TraceContext.Inject(span?.Context ?? message.Trace, message.Baggage == default ? Baggage.Current : message.Baggage, attributes);
        return new SendMessageBatchRequestEntry
        {
            Id = index.ToString(System.Globalization.CultureInfo.InvariantCulture),
            MessageBody = message.Body,
            MessageAttributes = attributes,
        };
    }
}
