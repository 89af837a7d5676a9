using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Security;

/// <summary>
/// The IFTTT key is part of the webhook's URL (that is IFTTT's API), so every place a URL is written down is a place it
/// could leak: HTTP client logs, HTTP client spans, error messages. The notifier runs here as it does for real, with the
/// service defaults, every log level on, exporting everything, and nothing it exports may hold the key.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class SecretsInTelemetryTests(PlatformFixture fixture) : IDisposable
{
    private readonly NotifierHarness _notifier = new(fixture);

    [Fact]
    public async Task The_IFTTT_key_is_in_no_log_span_or_metric_of_the_notifier_even_when_the_webhook_fails()
    {
        var key = $"k{Guid.NewGuid():N}"[..22];
        using var telemetry = new OtlpReceiver(keepEverything: true);
        using var webhook = new FakeWebhook(failFirst: 1);
        var device = NotifierHarness.UniqueDevice();
        using (var notifier = await _notifier.StartWithTelemetryAsync(webhook, key, telemetry, ("Notifier:BatchWindowSeconds", "0")))
        {
            await _notifier.Queues.SendAsync("Errors", NotifierHarness.Report(device, "TooOld: 2019"));
            await NotifierHarness.WaitForCallsAsync(webhook, device, 1);
            await notifier.StopAsync();
        }

        Assert.Contains(webhook.Calls, call => call.Path.EndsWith("/with/key/" + key));
        Assert.True(telemetry.Received.ContainsKey("/v1/traces") && telemetry.Received.ContainsKey("/v1/logs"), $"received only {string.Join(", ", telemetry.Received.Keys)}");
        Assert.True(telemetry.Mentions(device), "the exported telemetry does not even mention the device: the scan would prove nothing");
        Assert.False(telemetry.Mentions(key), "the IFTTT key was exported in a log, span or metric");
    }

    public void Dispose() => _notifier.Dispose();
}
