using System.Diagnostics;

namespace GymIoT.Core.Messaging;

public static class ConsumerSpan
{
    /// <summary>
    /// Starts the span of handling one received message, as a child of the trace it travelled in, with the messaging tags.
    /// It does not become <see cref="Activity.Current"/>: a batch handles many messages, each in its own trace.
    /// </summary>
    public static Activity? Start(ActivitySource source, string queue, string messageId, ActivityContext trace)
    {
        using var outside = AmbientSpan.Set(null);
        return source.StartActivity($"process {queue}", ActivityKind.Consumer, trace)?
            .SetTag(MessagingTags.System, MessagingTags.AwsSqs)
            .SetTag(MessagingTags.Operation, "process")
            .SetTag(MessagingTags.Destination, queue)
            .SetTag(MessagingTags.MessageId, messageId);
    }
}
