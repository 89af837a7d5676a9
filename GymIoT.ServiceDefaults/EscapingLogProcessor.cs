using OpenTelemetry;
using OpenTelemetry.Logs;

namespace Microsoft.Extensions.Hosting;

/// <summary>Escapes every log record's message and text attributes (<see cref="LogText"/>) before it is exported.</summary>
public sealed class EscapingLogProcessor : BaseProcessor<LogRecord>
{
    public override void OnEnd(LogRecord data)
    {
        if (data.FormattedMessage is { } message)
        {
            data.FormattedMessage = LogText.Escape(message);
        }
        if (data.Body is { } body)
        {
            data.Body = LogText.Escape(body);
        }
        if (data.Attributes is { } attributes && attributes.Any(a => a.Value is string text && !ReferenceEquals(LogText.Escape(text), text)))
        {
            data.Attributes = [.. attributes.Select(a => a.Value is string text ? new KeyValuePair<string, object?>(a.Key, LogText.Escape(text)) : a)];
        }
    }
}
