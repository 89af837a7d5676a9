using System.Diagnostics;
using Amazon.SQS.Model;
using OpenTelemetry;
using OpenTelemetry.Context.Propagation;

namespace GymIoT.Core.Messaging;

/// <summary>
/// Carries the trace context and baggage in SQS message attributes (<c>traceparent</c>, <c>tracestate</c>, <c>baggage</c>),
/// through OpenTelemetry's default propagator: injected on every send, extracted on every receive.
/// </summary>
public static class TraceContext
{
    static TraceContext()
    {
        // The SDK installs W3C trace context and baggage as the default the first time a telemetry pipeline is built; a
        // process that builds none (a test host, the benchmark) would otherwise send and read no trace at all.
        if (Propagators.DefaultTextMapPropagator.Fields is not { Count: > 0 })
        {
            Sdk.SetDefaultTextMapPropagator(new CompositeTextMapPropagator([new TraceContextPropagator(), new BaggagePropagator()]));
        }
    }

    public static void Inject(ActivityContext context, Baggage baggage, Dictionary<string, MessageAttributeValue> attributes)
    {
        if (context == default)
        {
            return;
        }
        Propagators.DefaultTextMapPropagator.Inject(
            new PropagationContext(context, baggage),
            attributes,
            (carrier, name, value) => carrier[name] = new MessageAttributeValue { DataType = "String", StringValue = value });
    }

    public static PropagationContext Extract(Message message) =>
        Propagators.DefaultTextMapPropagator.Extract(
            default,
            message.MessageAttributes ?? [],
            (carrier, name) => carrier.TryGetValue(name, out var value) && value.StringValue is { } text ? [text] : []);
}
