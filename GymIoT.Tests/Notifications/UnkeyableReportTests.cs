using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.Tests.Notifications;

/// <summary>One bad report never holds back the others: the aggregator and the notifier in process, against the emulators.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class UnkeyableReportTests(PlatformFixture fixture) : IDisposable
{
    private const int BatchWindowSeconds = 5;
    private readonly NotifierHarness _notifier = new(fixture);
    private readonly FakeWebhook _webhook = new();

    [Fact]
    public async Task A_reading_with_an_empty_device_id_does_not_stall_the_faulty_reading_behind_it()
    {
        var device = NotifierHarness.UniqueDevice();
        using var aggregator = await InProcessService.AggregatorAsync(fixture.Aws, ("Aggregator:Queues:0", "Cyclette"));
        // Reports other tests left in Errors go out a hundred to an email.
        using var notifier = await _notifier.StartAsync(_webhook, ("Notifier:BatchWindowSeconds", $"{BatchWindowSeconds}"), ("Notifier:BatchSize", "100"));

        await _notifier.Queues.SendAsync("Cyclette", """{"deviceId": ""}""");
        await _notifier.Queues.SendAsync("Cyclette", $$"""{"readingId":"{{Guid.NewGuid():N}}","deviceId":"{{device}}","machine":"Cyclette","memberId":"xzan8189","startedAt":"2026-01-01T10:00:00Z","endedAt":"2026-01-01T09:00:00Z","durationSeconds":60,"caloriesKcal":5}""");
        var clock = Stopwatch.StartNew();

        Assert.Single(await _notifier.WaitForMailsAsync(device, 1, TimeSpan.FromSeconds(BatchWindowSeconds + 30)));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(BatchWindowSeconds + 30), $"the report took {clock.Elapsed}");
        await notifier.StopAsync();
        await aggregator.StopAsync();
    }

    [Fact]
    public async Task A_report_the_store_refuses_as_invalid_is_set_aside_for_the_dead_letter_queue_while_its_batch_goes_out()
    {
        var refused = NotifierHarness.UniqueDevice();
        var ordinary = NotifierHarness.UniqueDevice();
        using var notifier = await _notifier.StartAsync(_webhook,
            services => services.AddSingleton(ObservedDynamoDb.Wrap(fixture.Aws.CreateDynamoDbClient(), request =>
                request is UpdateItemRequest update && update.Key.Values.Any(key => key.S?.Contains(refused, StringComparison.Ordinal) == true))),
            ("Notifier:BatchWindowSeconds", "2"), ("Notifier:BatchSize", "100"), ("Notifier:VisibilityTimeoutSeconds", "3"));

        var refusedId = await _notifier.Queues.SendAsync("Errors", NotifierHarness.Report(refused, "NegativeDuration: -60"));
        await _notifier.Queues.SendAsync("Errors", NotifierHarness.Report(ordinary, "NegativeDuration: -60"));

        Assert.Single(await _notifier.WaitForMailsAsync(ordinary, 1));
        Assert.Single(await NotifierHarness.WaitForCallsAsync(_webhook, ordinary, 1));
        Assert.NotNull(await Eventually.ValueAsync(() => _notifier.Queues.FindAsync("Errors-dlq", refusedId), found => found is not null, TimeSpan.FromSeconds(90)));
        Assert.Empty(await _notifier.Inbox.MentioningAsync(refused));
        Assert.DoesNotContain(_webhook.Calls, call => call.Body.GetProperty("value1").GetString() == refused);
        await notifier.StopAsync();
    }

    public void Dispose()
    {
        _notifier.Dispose();
        _webhook.Dispose();
    }
}
