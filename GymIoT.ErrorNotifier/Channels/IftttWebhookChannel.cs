using System.Diagnostics;
using System.Net.Http.Json;
using GymIoT.Core.Telemetry;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;

namespace GymIoT.ErrorNotifier.Channels;

/// <summary>
/// The original applet's IFTTT Maker webhook: <c>POST {base}/trigger/{event}/with/key/{key}</c> with
/// <c>{"value1": device id, "value2": time spent, "value3": calories}</c>, one call per report.
/// </summary>
public sealed partial class IftttWebhookChannel(
    HttpClient http, IOptions<IftttOptions> options, ServiceTelemetry telemetry, ILogger<IftttWebhookChannel> logger) : INotificationChannel
{
    public string Name => "webhook";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.Key);

    public async Task<IReadOnlyCollection<string>> DeliverAsync(IReadOnlyList<IncomingReport> reports, CancellationToken cancellationToken)
    {
        var ifttt = options.Value;
        var url = new Uri(ifttt.BaseUrl, $"trigger/{Uri.EscapeDataString(ifttt.EventName)}/with/key/{Uri.EscapeDataString(ifttt.Key!)}");
        var delivered = new List<string>();
        foreach (var report in reports)
        {
            using var span = telemetry.ActivitySource.StartActivity("notify webhook", ActivityKind.Client, report.Trace);
            span?.SetTag("gymiot.report.id", report.ReportId).SetTag("gymiot.notification.channel", Name);
            try
            {
                using var response = await http.PostAsJsonAsync(url, Payload.Of(report), PayloadJson.Default.Payload, cancellationToken);
                response.EnsureSuccessStatusCode();
                delivered.Add(report.ReportId);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Any failure (HTTP, timeout, an open circuit) is this report's alone: those already sent stay sent.
                span?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
                LogWebhookFailed(report.ReportId, ifttt.EventName, Redact(ex.Message, ifttt.Key!));
            }
        }
        return delivered;
    }

    /// <summary>The key is part of the URL, as typed and URL-escaped: say where it failed, never the key.</summary>
    public static string Redact(string text, string key) =>
        text.Replace(key, "***").Replace(Uri.EscapeDataString(key), "***");

    [LoggerMessage(Level = LogLevel.Warning, Message = "IFTTT webhook for report {ReportId} (event {EventName}) failed: {Error}")]
    private partial void LogWebhookFailed(string reportId, string eventName, string error);

    public sealed record Payload(
        [property: JsonPropertyName("value1")] string Value1,
        [property: JsonPropertyName("value2")] string Value2,
        [property: JsonPropertyName("value3")] string Value3)
    {
        public static Payload Of(IncomingReport report) =>
            new(report.Report.DeviceId, report.Report.ValueTimeSpent, report.Report.ValueCaloriesSpent);
    }

    [JsonSerializable(typeof(Payload))]
    private sealed partial class PayloadJson : JsonSerializerContext;
}
