namespace GymIoT.Core.Messaging;

/// <summary>OpenTelemetry semantic conventions for messaging, as GymIoT uses them.</summary>
public static class MessagingTags
{
    public const string System = "messaging.system";
    public const string Operation = "messaging.operation.type";
    public const string Destination = "messaging.destination.name";
    public const string MessageId = "messaging.message.id";
    public const string BatchSize = "messaging.batch.message_count";
    public const string AwsSqs = "aws_sqs";

    /// <summary>The SQS message attribute that carries the W3C trace context.</summary>
    public const string TraceParentAttribute = "traceparent";
    public const string TraceStateAttribute = "tracestate";
}
