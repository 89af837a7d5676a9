using System.Diagnostics;
using Amazon.SQS.Model;

namespace GymIoT.Core.Messaging;

/// <summary>Carries W3C trace context in SQS message attributes: injected on every send, extracted on every receive.</summary>
public static class TraceContext
{
    public static void Inject(ActivityContext context, Dictionary<string, MessageAttributeValue> attributes)
    {
        if (context == default)
        {
            return;
        }
        var flags = context.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) ? "01" : "00";
        attributes[MessagingTags.TraceParentAttribute] = StringAttribute($"00-{context.TraceId}-{context.SpanId}-{flags}");
        if (!string.IsNullOrEmpty(context.TraceState))
        {
            attributes[MessagingTags.TraceStateAttribute] = StringAttribute(context.TraceState);
        }
    }

    public static ActivityContext Extract(Message message)
    {
        var attributes = message.MessageAttributes;
        if (attributes is null || !attributes.TryGetValue(MessagingTags.TraceParentAttribute, out var traceParent))
        {
            return default;
        }
        var traceState = attributes.TryGetValue(MessagingTags.TraceStateAttribute, out var state) ? state.StringValue : null;
        return ActivityContext.TryParse(traceParent.StringValue, traceState, isRemote: true, out var context) ? context : default;
    }

    private static MessageAttributeValue StringAttribute(string value) => new() { DataType = "String", StringValue = value };
}
