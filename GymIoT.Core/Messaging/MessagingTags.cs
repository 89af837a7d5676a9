namespace GymIoT.Core.Messaging;

/// <summary>OpenTelemetry semantic conventions for messaging, as GymIoT uses them.</summary>
public static class MessagingTags
{
    public const string System = "messaging.system";
    public const string Operation = "messaging.operation.type";
    public const string Destination = "messaging.destination.name";
    public const string MessageId = "messaging.message.id";
    public const string AwsSqs = "aws_sqs";
}
