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
    /// <summary>Sends every message; returns what became of each, in order (the caller decides whether to retry the refused).</summary>
    public async Task<IReadOnlyList<SendOutcome>> SendBatchAsync(
        string queueName, IReadOnlyList<OutgoingMessage> messages, CancellationToken cancellationToken = default)
    {
        var url = await queues.UrlOfAsync(queueName, cancellationToken);
        var outcomes = new List<SendOutcome>(messages.Count);
        foreach (var chunk in messages.Chunk(AwsLimits.SqsBatchEntries))
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
                    outcomes.Add(new SendOutcome(chunk[i], messageId, error, traceId));
                }
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
        return outcomes;
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
