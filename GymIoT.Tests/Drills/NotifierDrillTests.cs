using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymIoT.Tests.Drills;

/// <summary>The error notifier (its own code, in process) against the drills' system while its queue or its channels fail.</summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(DrillCollection.Name)]
public sealed class NotifierDrillTests(DrillFixture fixture, ITestOutputHelper output) : IDisposable
{
    /// <summary>Long enough for the notifier to try every channel several times and to take the batch back from SQS.</summary>
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private readonly NotifierHarness _notifier = new(fixture);

    [Fact]
    public async Task With_the_webhook_and_the_mail_server_down_for_half_a_minute_every_report_arrives_once_on_each_when_they_are_back()
    {
        using var webhook = new FakeWebhook { Down = true };
        var devices = Enumerable.Range(0, 5).Select(_ => NotifierHarness.UniqueDevice()).ToList();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        await fixture.App.StopResourceAsync("maildev", cancellation.Token);
        using var notifier = await _notifier.StartAsync(webhook, ("Notifier:BatchWindowSeconds", "1"));
        try
        {
            await _notifier.Queues.SendManyAsync("Errors", devices.Select(d => NotifierHarness.Report(d, "ImpossibleCalories: 2000 kcal in 5 min")));
            await Task.Delay(Outage, cancellation.Token);
            Assert.Empty(webhook.Accepted);
            Assert.True(webhook.Calls.Count >= 3, $"the notifier tried the webhook {webhook.Calls.Count} times in {Outage.TotalSeconds:0} s");
        }
        finally
        {
            webhook.Down = false;
            await fixture.App.StartResourceAsync("maildev", cancellation.Token);
        }

        var patience = TimeSpan.FromSeconds(90);
        foreach (var device in devices)
        {
            Assert.Single(await _notifier.WaitForMailsAsync(device, 1, patience));
            Assert.Single(await NotifierHarness.WaitForCallsAsync(webhook, device, 1, patience));
        }
        await Task.Delay(TimeSpan.FromSeconds(3), cancellation.Token);
        foreach (var device in devices)
        {
            Assert.Single(await _notifier.Inbox.MentioningAsync(device));
            Assert.Single(webhook.Accepted, c => c.Body.GetProperty("value1").GetString() == device);
        }
        output.WriteLine($"Channels down {Outage.TotalSeconds:0} s: {webhook.Calls.Count(c => c.Status == 503)} refused webhook calls, then {devices.Count} reports once by email and once by webhook");
        await notifier.StopAsync();
    }

    [Fact]
    public async Task A_restart_of_the_SQS_emulator_while_the_notifier_holds_a_batch_is_survived_and_the_services_carry_on()
    {
        using var webhook = new FakeWebhook();
        var held = Enumerable.Range(0, 3).Select(_ => NotifierHarness.UniqueDevice()).ToList();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        using var notifier = await _notifier.StartAsync(webhook, ("Notifier:BatchWindowSeconds", "20"), ("Notifier:BatchSize", "100"));
        await _notifier.Queues.SendManyAsync("Errors", held.Select(d => NotifierHarness.Report(d, "NegativeValue: caloriesKcal is -5")));
        await Eventually.ValueAsync(() => _notifier.Queues.VisibleAsync("Errors"), visible => visible == 0, TimeSpan.FromSeconds(30));

        await fixture.App.RestartResourceAsync("sqs", cancellation.Token);
        await Eventually.ValueAsync(() => _notifier.Queues.ExistsAsync("Errors"), exists => exists, TimeSpan.FromSeconds(60));

        // The batch the notifier held is in its memory, not the emulator's: it is delivered once; deleting it from the new
        // queue fails, which the notifier logs, and there is nothing left to deliver twice.
        foreach (var device in held)
        {
            Assert.Single(await _notifier.WaitForMailsAsync(device, 1));
            Assert.Single(await NotifierHarness.WaitForCallsAsync(webhook, device, 1));
        }
        var after = NotifierHarness.UniqueDevice();
        await _notifier.Queues.SendAsync("Errors", NotifierHarness.Report(after, "MissingField: deviceId is missing"));
        Assert.Single(await _notifier.WaitForMailsAsync(after, 1));
        Assert.Single(await NotifierHarness.WaitForCallsAsync(webhook, after, 1));

        // The aggregator carries on as well: a burst after the restart is accounted for exactly.
        await fixture.App.WaitForHealthyAsync("aggregator", cancellation.Token);
        await notifier.StopAsync();
        var members = Enumerable.Range(1, 4).Select(i => $"sqs-{Guid.NewGuid():N}"[..14] + $"-{i}").ToArray();
        var burst = await fixture.SendBurstAsync(new BurstRequest(200, FaultRate: 0.1, MemberIds: members, IncludeReadings: true));
        var result = await Reconciliation.AssertExactAsync(fixture, burst, members, TimeSpan.FromMinutes(2));
        Assert.All(held, device => Assert.Single(webhook.Accepted, c => c.Body.GetProperty("value1").GetString() == device));
        output.WriteLine($"SQS restarted while {held.Count} reports were held: each delivered once; after the restart: {result}");
    }

    public void Dispose() => _notifier.Dispose();
}
