using System.Text.Json;

namespace GymIoT.Core.Readings;

/// <summary>
/// Reads a message from <c>Errors</c>: GymIoT's error report, or the original project's <c>{"device_id", ...}</c>.
/// Whatever else arrives there is still a fault to tell the gym about, so it becomes a report that says it was unreadable.
/// </summary>
public static class ErrorReportParser
{
    private const int MaxRawLength = 200;

    public static ErrorReport Parse(string body, string messageId, DateTimeOffset receivedAt)
    {
        try
        {
            using var document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 8 });
            var root = document.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("device_id", out _))
            {
                return new ErrorReport(
                    Text(root, "device_id") ?? "unknown",
                    Text(root, "device_id") ?? "unknown",
                    null,
                    Text(root, "value_time_spent") ?? "",
                    Text(root, "value_calories_spent") ?? "",
                    "Reported by a sensor in the original format",
                    receivedAt,
                    messageId);
            }
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("deviceId", out _) && root.TryGetProperty("reason", out _))
            {
                return new ErrorReport(
                    Text(root, "deviceId") ?? "unknown",
                    Text(root, "machine") ?? "unknown",
                    Text(root, "memberId"),
                    Text(root, "valueTimeSpent") ?? "",
                    Text(root, "valueCaloriesSpent") ?? "",
                    Text(root, "reason") ?? "",
                    root.TryGetProperty("receivedAt", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var time) ? time : receivedAt,
                    Text(root, "sourceMessageId") ?? messageId);
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            // Not JSON, or JSON whose strings are not text (an escaped lone surrogate): unreadable, like anything else.
        }
        return new ErrorReport("unknown", "unknown", null, Cut(body), "", "Unreadable error report: the message on Errors is neither GymIoT's nor the original format", receivedAt, messageId);
    }

    private static string? Text(JsonElement root, string field) =>
        root.TryGetProperty(field, out var value) && value.ValueKind != JsonValueKind.Null
            ? Cut(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())
            : null;

    private static string Cut(string text) => ReportText.Excerpt(text, MaxRawLength);
}
