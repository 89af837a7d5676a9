using System.Diagnostics;
using OpenTelemetry;

namespace GymIoT.Core.Messaging;

/// <summary>
/// A message taken from a queue, with the trace and baggage it was sent with and when SQS took it in. It keeps what its
/// consumer reads and what deleting it takes, not the SDK's whole message (attribute dictionaries, checksums): the
/// aggregator holds thousands at once.
/// </summary>
public sealed record ReceivedMessage(
    string Queue,
    string QueueUrl,
    string MessageId,
    string ReceiptHandle,
    string Body,
    ActivityContext Trace,
    DateTimeOffset SentAt,
    Baggage Baggage = default);
