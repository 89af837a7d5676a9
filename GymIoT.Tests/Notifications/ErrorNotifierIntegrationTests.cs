using System.Diagnostics;
using System.Text.Json;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.ErrorNotifier.Channels;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;

namespace GymIoT.Tests.Notifications;

/// <summary>The notifier's own code, in process, against the emulators, the fixture's maildev and a local webhook.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class ErrorNotifierIntegrationTests(PlatformFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = NotifierHarness.Patience;
    private readonly NotifierHarness _notifier = new(fixture);
    private readonly FakeWebhook _webhook = new();

    [Fact]
    public async Task The_original_error_message_reaches_the_gym_by_email_and_webhook()
    {
        var device = NotifierHarness.UniqueDevice();
        using var notifier = await _notifier.StartAsync(_webhook, ("Notifier:BatchWindowSeconds", "1"));

        await _notifier.Queues.SendAsync("Errors", $$"""{"device_id": "{{device}}","value_time_spent": "ERROR","value_calories_spent": "ERROR"}""");

        var mail = Assert.Single(await _notifier.WaitForMailsAsync(device, 1));
        Assert.Equal(EmailDigest.Subject, mail.Subject);
        Assert.Contains("Time spent: ERROR", mail.Text);
        Assert.Contains("Calories: ERROR", mail.Text);
        Assert.Contains($"<td>{device}</td>", mail.Html);
        var call = Assert.Single(await NotifierHarness.WaitForCallsAsync(_webhook, device, 1));
        Assert.Equal("/trigger/gym_device_error/with/key/test-key", call.Path);
        Assert.Equal("ERROR", call.Body.GetProperty("value2").GetString());
        Assert.Equal("ERROR", call.Body.GetProperty("value3").GetString());
        await notifier.StopAsync();
    }

    [Fact]
    public async Task A_bad_reading_reported_twice_reaches_the_gym_once()
    {
        var together = NotifierHarness.UniqueDevice();
        var later = NotifierHarness.UniqueDevice();
        var marker = NotifierHarness.UniqueDevice();
        var reportedTogether = NotifierHarness.Report(together, "ZeroValue: the duration is 0 s");
        var reportedLater = NotifierHarness.Report(later, "ZeroValue: the calories are 0 kcal");
        using var notifier = await _notifier.StartAsync(_webhook, ("Notifier:BatchWindowSeconds", "1"));

        // The same report twice in one batch, and one again after it was delivered, as an aggregator that died between
        // sending a report and deleting its reading sends it again.
        await _notifier.Queues.SendManyAsync("Errors", [reportedTogether, reportedTogether, reportedLater]);
        await NotifierHarness.WaitForCallsAsync(_webhook, later, 1);
        Assert.Single(await _notifier.WaitForMailsAsync(later, 1));
        await _notifier.Queues.SendAsync("Errors", reportedLater);
        await _notifier.Queues.SendAsync("Errors", NotifierHarness.Report(marker, "TooOld: 2019"));
        await NotifierHarness.WaitForCallsAsync(_webhook, marker, 1);
        var markerMail = Assert.Single(await _notifier.WaitForMailsAsync(marker, 1));

        static int Mentions(string text, string device) => System.Text.RegularExpressions.Regex.Count(text, device);
        foreach (var device in new[] { together, later })
        {
            Assert.Single(_webhook.Calls, c => c.Body.GetProperty("value1").GetString() == device);
            var mail = Assert.Single(await _notifier.Inbox.MentioningAsync(device));
            Assert.Equal(Mentions(markerMail.Text, marker), Mentions(mail.Text, device)); // listed once in its digest
        }
        await notifier.StopAsync();
    }

    [Fact]
    public async Task Five_reports_sent_within_a_second_arrive_as_one_digest_and_one_alone_after_the_window()
    {
        var devices = Enumerable.Range(0, 5).Select(_ => NotifierHarness.UniqueDevice()).ToList();
        using var notifier = await _notifier.StartAsync(_webhook, ("Notifier:BatchWindowSeconds", "4"));

        await _notifier.Queues.SendManyAsync("Errors", devices.Select(d => NotifierHarness.Report(d, "ImpossibleCalories: 900 kcal in 10 min")));
        var digest = await Eventually.ValueAsync(() => _notifier.Inbox.MentioningAsync(devices[0]), found => found.Count > 0, Patience);

        Assert.All(devices, device => Assert.Contains(device, Assert.Single(digest).Text));
        var lone = NotifierHarness.UniqueDevice();
        var clock = Stopwatch.StartNew();
        await _notifier.Queues.SendAsync("Errors", NotifierHarness.Report(lone, "MissingField: caloriesKcal is missing"));
        Assert.Single(await _notifier.WaitForMailsAsync(lone, 1));
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(3.5), $"a lone report was sent after {clock.Elapsed.TotalSeconds:0.0} s, before the 4 s window closed");
        await notifier.StopAsync();
    }

    [Fact]
    public async Task A_webhook_failing_its_first_three_calls_still_gets_every_report_exactly_once()
    {
        using var flaky = new FakeWebhook(failFirst: 3);
        var devices = Enumerable.Range(0, 3).Select(_ => NotifierHarness.UniqueDevice()).ToList();
        using var notifier = await _notifier.StartAsync(flaky, ("Notifier:BatchWindowSeconds", "1"));

        await _notifier.Queues.SendManyAsync("Errors", devices.Select(d => NotifierHarness.Report(d, "NotANumber: durationSeconds")));

        foreach (var device in devices)
        {
            Assert.Single(await NotifierHarness.WaitForCallsAsync(flaky, device, 1));
            Assert.Single(await _notifier.WaitForMailsAsync(device, 1));
        }
        Assert.Equal(3, flaky.Calls.Count(c => c.Status == 500));
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(devices, device => Assert.Single(flaky.Accepted, c => c.Body.GetProperty("value1").GetString() == device));
        Assert.All(devices, device => Assert.Single((_notifier.Inbox.MentioningAsync(device)).Result));
        using var aggregates = new Aggregates(fixture.Aws.CreateDynamoDbClient());
        foreach (var device in devices)
        {
            var day = Assert.Single(await aggregates.ItemsAsync(TableNames.DeviceActivity, KeyNames.DeviceId, device));
            Assert.Equal("1", day["Faults"].N);
            Assert.EndsWith("|NotANumber: durationSeconds", day["LastFault"].S);
        }
        await notifier.StopAsync();
    }

    [Fact]
    public async Task With_the_mail_server_down_for_a_while_nothing_is_lost_and_nothing_sent_twice()
    {
        var devices = Enumerable.Range(0, 2).Select(_ => NotifierHarness.UniqueDevice()).ToList();
        using var cancellation = new CancellationTokenSource(Patience);
        await fixture.StopAsync("maildev", cancellation.Token);
        using var notifier = await _notifier.StartAsync(_webhook, ("Notifier:BatchWindowSeconds", "1"));

        try
        {
            await _notifier.Queues.SendManyAsync("Errors", devices.Select(d => NotifierHarness.Report(d, "FutureTimestamp: the session ends tomorrow")));
            await Task.WhenAll(devices.Select(d => NotifierHarness.WaitForCallsAsync(_webhook, d, 1)));
            await Task.Delay(TimeSpan.FromSeconds(4));
        }
        finally
        {
            await fixture.StartAsync("maildev", cancellation.Token);
        }

        foreach (var device in devices)
        {
            Assert.Single(await _notifier.WaitForMailsAsync(device, 1));
        }
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(devices, device => Assert.Single(_webhook.Accepted, c => c.Body.GetProperty("value1").GetString() == device));
        Assert.All(devices, device => Assert.Single(_notifier.Inbox.MentioningAsync(device).Result));
        await notifier.StopAsync();
    }

    [Fact]
    public async Task A_report_continues_the_readings_trace_through_email_and_webhook()
    {
        var spans = new System.Collections.Concurrent.ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == GymIoT.ErrorNotifier.Extensions.Extensions.ServiceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        var trace = ActivityTraceId.CreateRandom();
        var device = NotifierHarness.UniqueDevice();
        using var notifier = await _notifier.StartAsync(_webhook, ("Notifier:BatchWindowSeconds", "0"));

        await _notifier.Queues.SendAsync("Errors", NotifierHarness.Report(device, "TooOld: 2019"), $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        await NotifierHarness.WaitForCallsAsync(_webhook, device, 1);
        await _notifier.WaitForMailsAsync(device, 1);
        var traced = await Eventually.ValueAsync(
            () => Task.FromResult(spans.Where(s => s.TraceId == trace).Select(s => s.DisplayName).ToList()),
            names => names.Contains("process Errors") && names.Contains("notify email") && names.Contains("notify webhook"),
            Patience);

        Assert.Contains("process Errors", traced);
        Assert.Contains("notify email", traced);
        Assert.Contains("notify webhook", traced);
        await notifier.StopAsync();
    }

    [Fact]
    public async Task A_report_that_can_never_be_delivered_ends_in_the_dead_letter_queue()
    {
        using var broken = new FakeWebhook(failFirst: int.MaxValue);
        using var notifier = await _notifier.StartAsync(broken,
            ("Notifier:BatchWindowSeconds", "0"), ("Notifier:RetryForSeconds", "0"), ("Notifier:VisibilityTimeoutSeconds", "1"));

        var messageId = await _notifier.Queues.SendAsync("Errors", NotifierHarness.Report(NotifierHarness.UniqueDevice(), "UnknownMachine: Rowing_machine"));
        var dead = await Eventually.ValueAsync(() => _notifier.Queues.FindAsync("Errors-dlq", messageId), found => found is not null, TimeSpan.FromSeconds(90));

        Assert.NotNull(dead);
        Assert.True(broken.Calls.Count >= 5, $"the webhook was tried {broken.Calls.Count} times");
        await notifier.StopAsync();
    }

    public void Dispose()
    {
        _notifier.Dispose();
        _webhook.Dispose();
    }
}
