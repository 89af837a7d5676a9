using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Security;

/// <summary>
/// The error notifier (which the end-to-end collections run without) sends AWS only what its task role grants: it runs as it
/// does for real, delivers a report, and its request counts, flushed at its stop, are held to its grants.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class NotifierAccessTests(PlatformFixture fixture) : IDisposable
{
    private readonly NotifierHarness _notifier = new(fixture);

    [Fact]
    public async Task Every_request_the_notifier_sends_is_one_its_role_grants()
    {
        using var telemetry = new OtlpReceiver();
        using var webhook = new FakeWebhook();
        var device = NotifierHarness.UniqueDevice();
        using (var notifier = await _notifier.StartWithTelemetryAsync(webhook, "k0123456789abcdefghijk", telemetry, ("Notifier:BatchWindowSeconds", "0")))
        {
            await _notifier.Queues.SendAsync("Errors", NotifierHarness.Report(device, "TooOld: 2019"));
            await NotifierHarness.WaitForCallsAsync(webhook, device, 1);
            await _notifier.WaitForMailsAsync(device, 1, TimeSpan.FromSeconds(30));
            await notifier.StopAsync();
        }

        var requests = AwsAccessAudit.Requests(telemetry, "error-notifier", AwsAccessAudit.SqsRequests)
            .Concat(AwsAccessAudit.Requests(telemetry, "error-notifier", AwsAccessAudit.DynamoDbRequests)).ToList();
        Assert.Contains(("DeleteMessageBatch", "Errors"), requests);
        Assert.Contains(requests, r => r.Resource == "NotificationDeliveries");
        Assert.Empty(AwsAccessAudit.Violations(telemetry, "error-notifier"));
    }

    public void Dispose() => _notifier.Dispose();
}
