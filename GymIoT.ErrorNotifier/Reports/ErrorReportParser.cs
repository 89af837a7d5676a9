using System.Text.Json;
using GymIoT.Core.Readings;

namespace GymIoT.ErrorNotifier.Reports;

/// <summary>
/// Reads a message from <c>Errors</c>: GymIoT's error report, or the original project's <c>{"device_id", ...}</c>, with the
/// same field readers as readings (<see cref="JsonFields"/>). Anyone may write to <c>Errors</c>: a device id that is not a
/// string names no device, and whatever else arrives there is still a fault to tell the gym about, so it becomes a report
/// that says it was unreadable.
/// </summary>
public static class ErrorReportParser
{
    private const string Unknown = "unknown";

    public static ErrorReport Parse(string body, string messageId, DateTimeOffset receivedAt)
    {
        using var document = JsonFields.ParseObject(body, out _);
        try
        {
            if (document?.RootElement is { } root && root.TryGetProperty("device_id", out _))
            {
                var device = JsonFields.StringOnly(root, "device_id", absent: Unknown);
                return new ErrorReport(
                    device,
                    device,
                    null,
                    JsonFields.Raw(root, "value_time_spent") ?? "",
                    JsonFields.Raw(root, "value_calories_spent") ?? "",
                    "Reported by a sensor in the original format",
                    receivedAt,
                    messageId);
            }
            if (document?.RootElement is { } report && report.TryGetProperty("deviceId", out _) && report.TryGetProperty("reason", out _))
            {
                return new ErrorReport(
                    JsonFields.StringOnly(report, "deviceId", absent: Unknown),
                    JsonFields.Raw(report, "machine") ?? Unknown,
                    JsonFields.Raw(report, "memberId"),
                    JsonFields.Raw(report, "valueTimeSpent") ?? "",
                    JsonFields.Raw(report, "valueCaloriesSpent") ?? "",
                    JsonFields.Raw(report, "reason", ReadingLimits.UnreadableReportLength) ?? "",
                    report.TryGetProperty("receivedAt", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var time) ? time : receivedAt,
                    JsonFields.Raw(report, "sourceMessageId") ?? messageId);
            }
        }
        catch (InvalidOperationException)
        {
            // JSON whose strings are not text (an escaped lone surrogate): unreadable, like anything else.
        }
        return new ErrorReport(Unknown, Unknown, null, ReportText.Excerpt(body, ReadingLimits.UnreadableReportLength), "",
            "Unreadable error report: the message on Errors is neither GymIoT's nor the original format", receivedAt, messageId);
    }
}
