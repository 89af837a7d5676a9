using System.Text.Json;
using GymIoT.Core.Readings;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// The error notifier's own code started in process against a fixture's emulators and maildev and a local webhook,
/// with what a test needs around it: the queues, the inbox, reports to send and the waits for their delivery.
/// </summary>
public sealed class NotifierHarness(EmbeddedAppFixture fixture) : IDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    public QueueProbe Queues { get; } = new(fixture.Aws.CreateSqsClient());

    public MailInbox Inbox { get; } = new(fixture.Endpoint("maildev"));

    public Task<IHost> StartAsync(FakeWebhook webhook, params (string, string)[] settings) =>
        StartAsync(webhook, _ => { }, settings);

    public Task<IHost> StartAsync(FakeWebhook webhook, Action<IServiceCollection> replace, params (string, string)[] settings) =>
        InProcessService.NotifierAsync(fixture.Aws, replace, [.. ChannelSettings(webhook, "test-key"), .. settings]);

    /// <summary>The notifier as it runs for real (service defaults, every log level), exporting everything to <paramref name="telemetry"/>.</summary>
    public Task<IHost> StartWithTelemetryAsync(FakeWebhook webhook, string iftttKey, OtlpReceiver telemetry, params (string, string)[] settings) =>
        InProcessService.NotifierWithTelemetryAsync(fixture.Aws, telemetry, [.. ChannelSettings(webhook, iftttKey), .. settings]);

    /// <summary>Email to the fixture's maildev, the webhook to <paramref name="webhook"/> with <paramref name="iftttKey"/>.</summary>
    private (string, string)[] ChannelSettings(FakeWebhook webhook, string iftttKey)
    {
        var maildev = fixture.Endpoint("maildev", "smtp");
        return
        [
            ("Smtp:Host", maildev.Host),
            ("Smtp:Port", maildev.Port.ToString()),
            ("Smtp:Security", "None"),
            ("Ifttt:BaseUrl", webhook.BaseUrl.ToString()),
            ("Ifttt:Key", iftttKey),
        ];
    }

    /// <summary>The emails that mention <paramref name="device"/>, once there are at least <paramref name="count"/>.</summary>
    public async Task<IReadOnlyList<Mail>> WaitForMailsAsync(string device, int count, TimeSpan? patience = null) =>
        await Eventually.ValueAsync(async () =>
        {
            try
            {
                return await Inbox.MentioningAsync(device);
            }
            catch (HttpRequestException)
            {
                return [];
            }
        }, found => found.Count >= count, patience ?? Patience);

    /// <summary>The accepted webhook calls for <paramref name="device"/>, once there are at least <paramref name="count"/>.</summary>
    public static async Task<IReadOnlyList<WebhookCall>> WaitForCallsAsync(FakeWebhook webhook, string device, int count, TimeSpan? patience = null) =>
        await Eventually.ValueAsync(
            () => Task.FromResult<IReadOnlyList<WebhookCall>>([.. webhook.Accepted.Where(c => c.Body.GetProperty("value1").GetString() == device)]),
            found => found.Count >= count,
            patience ?? Patience);

    /// <summary>An error report as the aggregator sends it to <c>Errors</c>.</summary>
    public static string Report(string device, string reason) => JsonSerializer.Serialize(
        new ErrorReport(device, "Cyclette", "xzan8189", "1800", "9000", reason, DateTimeOffset.UtcNow, Guid.NewGuid().ToString()),
        MessageJson.Default.ErrorReport);

    public static string UniqueDevice() => $"test-{Guid.NewGuid():N}"[..17];

    public void Dispose()
    {
        Queues.Dispose();
        Inbox.Dispose();
    }
}
