using System.Diagnostics;
using Amazon.DynamoDBv2.Model;
using GymIoT.Aggregator;
using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.Core.Telemetry;
using GymIoT.Core.Time;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymIoT.Tests.Ingestion;

/// <summary>The aggregator's own code, in process, against the real emulators.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class AggregatorIntegrationTests(PlatformFixture fixture) : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly GymCalendar _calendar = new(new GymOptions());
    private readonly QueueProbe _queues = new(fixture.Aws.CreateSqsClient());
    private readonly Aggregates _aggregates = new(fixture.Aws.CreateDynamoDbClient());
    private readonly Random _random = new(11);

    [Fact]
    public async Task Redelivered_reading_is_counted_once()
    {
        var member = await EnrolAsync();
        var reading = ReadingFor(member, "Cyclette");
        var body = Misreadings.GoodBody(reading);
        var deviceSessionsBefore = await DeviceSessionsAsync(reading.DeviceId);
        using var aggregator = await InProcessService.AggregatorAsync(fixture.Aws, ("Aggregator:Queues:0", "Cyclette"));

        await _queues.SendAsync("Cyclette", body);
        await WaitForSessionsAsync(member, 1);
        await _queues.SendManyAsync("Cyclette", [body, body]);
        await WaitUntilEmptyAsync("Cyclette");

        var items = await _aggregates.MemberItemsAsync(member);
        Assert.Equal(1m, Aggregates.Sum(items, "D#", "Sessions"));
        Assert.Equal(1m, Aggregates.Sum(items, "M#", "Sessions"));
        Assert.Equal((decimal)reading.CaloriesKcal, Aggregates.Sum(items, "D#", "Kcal"));
        Assert.Equal(deviceSessionsBefore + 1, await DeviceSessionsAsync(reading.DeviceId));
        await aggregator.StopAsync();
    }

    [Fact]
    public async Task Reading_applied_to_some_items_before_a_crash_is_completed_exactly_on_redelivery()
    {
        var member = await EnrolAsync();
        var reading = ReadingFor(member, "Tapis_roulant");
        var deviceSessionsBefore = await DeviceSessionsAsync(reading.DeviceId);
        using (var dynamoDb = fixture.Aws.CreateDynamoDbClient())
        {
            using var telemetry = new ServiceTelemetry("GymIoT.Tests");
            var store = new ActivityStore(dynamoDb, telemetry, NullLogger<ActivityStore>.Instance);
            List<ActivityContribution> firstItemOnly = [ReadingAggregation.ContributionsOf(reading, _calendar).MemberDay];
            await store.ApplyAsync(firstItemOnly, parallelism: 1, CancellationToken.None);
        }
        using var aggregator = await InProcessService.AggregatorAsync(fixture.Aws, ("Aggregator:Queues:0", "Tapis_roulant"));

        await _queues.SendAsync("Tapis_roulant", Misreadings.GoodBody(reading));
        var items = await Eventually.ValueAsync(
            () => _aggregates.MemberItemsAsync(member),
            found => Aggregates.Sum(found, "M#", "Sessions") >= 1,
            Patience);
        await WaitUntilEmptyAsync("Tapis_roulant");
        items = await _aggregates.MemberItemsAsync(member);

        Assert.Equal(1m, Aggregates.Sum(items, "D#", "Sessions"));
        Assert.Equal(1m, Aggregates.Sum(items, "M#", "Sessions"));
        Assert.Equal((decimal)reading.DurationSeconds, Aggregates.Sum(items, "D#", "Seconds"));
        Assert.Equal(deviceSessionsBefore + 1, await DeviceSessionsAsync(reading.DeviceId));
        await aggregator.StopAsync();
    }

    [Fact]
    public async Task Each_kind_of_bad_reading_lands_in_Errors_with_its_reason_and_moves_nothing()
    {
        var member = await EnrolAsync();
        var sent = new Dictionary<string, (RejectionReason Kind, ActivityTraceId Trace)>();
        foreach (var kind in Misreadings.Kinds)
        {
            var bad = Misreadings.Make(kind, ReadingFor(member, "Elliptical_bike"), _random);
            var trace = ActivityTraceId.CreateRandom();
            sent[await _queues.SendAsync(bad.Queue, bad.Body, $"00-{trace}-{ActivitySpanId.CreateRandom()}-01", $"gym.site=site-{kind}")] = (kind, trace);
        }
        using var aggregator = await InProcessService.AggregatorAsync(fixture.Aws);

        var reports = await _queues.TakeReportsAsync("Errors", sent.Keys, Patience);

        Assert.Equal(sent.Count, reports.Count);
        foreach (var (messageId, (kind, trace)) in sent)
        {
            Assert.StartsWith(kind + ": ", reports[messageId].Report.Reason);
            var traceParent = reports[messageId].Message.MessageAttributes?.GetValueOrDefault("traceparent")?.StringValue;
            Assert.True(traceParent?.Contains(trace.ToHexString()) == true, $"the {kind} report does not continue the reading's trace: {traceParent}");
            Assert.Equal($"gym.site=site-{kind}", reports[messageId].Message.MessageAttributes?.GetValueOrDefault("baggage")?.StringValue);
        }
        Assert.Empty(await _aggregates.MemberItemsAsync(member));
        await aggregator.StopAsync();
    }

    [Fact]
    public async Task A_reading_that_always_fails_lands_in_the_dead_letter_queue_after_five_receives()
    {
        var member = await EnrolAsync();
        var body = Misreadings.GoodBody(ReadingFor(member, "Spin_bike"));
        var unreachableDynamoDb = fixture.Aws with { DynamoDbEndpoint = new Uri("http://127.0.0.1:9") };
        using var aggregator = await InProcessService.AggregatorAsync(unreachableDynamoDb,
            ("Aggregator:Queues:0", "Spin_bike"), ("Aggregator:VisibilityTimeoutSeconds", "1"));

        var messageId = await _queues.SendAsync("Spin_bike", body);
        var dead = await Eventually.ValueAsync(
            () => _queues.FindAsync("Spin_bike-dlq", messageId),
            found => found is not null,
            TimeSpan.FromSeconds(90));

        Assert.NotNull(dead);
        Assert.Equal(body, dead.Body);
        Assert.True(int.Parse(dead.Attributes["ApproximateReceiveCount"]) >= 5, $"received {dead.Attributes["ApproximateReceiveCount"]} times");
        await aggregator.StopAsync();
        Assert.Equal(0, await _queues.DepthAsync("Spin_bike"));
    }

    [Fact]
    public async Task Nothing_is_lost_when_the_aggregator_stops_in_the_middle_of_a_burst()
    {
        var members = new List<string>();
        // 100 readings a member: within a member's daily limit.
        for (var i = 0; i < 15; i++)
        {
            members.Add(await EnrolAsync());
        }
        var readings = Enumerable.Range(0, 1500)
            .Select(i => ReadingFor(members[i % members.Count], QueueNamesOf(i)))
            .ToList();
        foreach (var queue in readings.GroupBy(r => r.Machine))
        {
            await _queues.SendManyAsync(queue.Key, queue.Select(Misreadings.GoodBody));
        }

        // Small batches, so that a stop finds work in hand and work still queued.
        var first = await InProcessService.AggregatorAsync(fixture.Aws, ("Aggregator:MaxBatchReadings", "200"));
        await Eventually.ValueAsync(() => TotalSessionsAsync(members), stored => stored >= 100, Patience);
        await first.StopAsync();
        first.Dispose();
        var storedWhenStopped = await TotalSessionsAsync(members);
        using var second = await InProcessService.AggregatorAsync(fixture.Aws);
        await Eventually.ValueAsync(() => TotalSessionsAsync(members), stored => stored >= readings.Count, TimeSpan.FromSeconds(120));
        foreach (var queue in readings.Select(r => r.Machine).Distinct())
        {
            await WaitUntilEmptyAsync(queue);
        }

        Assert.InRange(storedWhenStopped, 100, readings.Count - 1);
        foreach (var member in members)
        {
            var expected = readings.Where(r => r.MemberId == member).ToList();
            var items = await _aggregates.MemberItemsAsync(member);
            Assert.Equal(expected.Count, Aggregates.Sum(items, "D#", "Sessions"));
            Assert.Equal(expected.Count, Aggregates.Sum(items, "M#", "Sessions"));
            Assert.Equal(expected.Sum(r => (decimal)r.CaloriesKcal), Aggregates.Sum(items, "D#", "Kcal"));
            Assert.Equal(expected.Sum(r => (decimal)r.CaloriesKcal), Aggregates.Sum(items, "M#", "Kcal"));
            Assert.Equal(expected.Sum(r => (decimal)r.DurationSeconds), Aggregates.Sum(items, "M#", "Seconds"));
        }
        await second.StopAsync();
    }

    private async Task<decimal> DeviceSessionsAsync(string deviceId) =>
        Aggregates.Sum(await _aggregates.ItemsAsync(TableNames.DeviceActivity, KeyNames.DeviceId, deviceId), "D#", "Sessions");

    private static string QueueNamesOf(int i) => GymIoT.Core.Queues.QueueNames.Machines[i % 4];

    private async Task<decimal> TotalSessionsAsync(IEnumerable<string> members)
    {
        var total = 0m;
        foreach (var member in members)
        {
            total += Aggregates.Sum(await _aggregates.MemberItemsAsync(member), "M#", "Sessions");
        }
        return total;
    }

    private async Task WaitForSessionsAsync(string member, decimal sessions) =>
        await Eventually.ValueAsync(() => _aggregates.MemberItemsAsync(member), items => Aggregates.Sum(items, "D#", "Sessions") >= sessions, Patience);

    private async Task WaitUntilEmptyAsync(string queue)
    {
        var depth = await Eventually.ValueAsync(() => _queues.DepthAsync(queue), d => d == 0, Patience);
        Assert.Equal(0, depth);
    }

    private async Task<string> EnrolAsync()
    {
        var id = $"it-{Guid.NewGuid():N}"[..20];
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        await new MemberStore(dynamoDb).EnrollAsync(new Member(id, "Test", "Member", Sex.Female, new DateOnly(1990, 5, 5), 62, 168));
        return id;
    }

    private Reading ReadingFor(string member, string machine)
    {
        var endedAt = DateTimeOffset.UtcNow.AddMinutes(-_random.Next(1, 600));
        endedAt = new DateTimeOffset(endedAt.Ticks - endedAt.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        var seconds = 600 + _random.Next(3000);
        return new Reading(Guid.NewGuid().ToString("N"), $"{machine.ToLowerInvariant().Replace('_', '-')}-0{1 + _random.Next(3)}",
            machine, member, endedAt.AddSeconds(-seconds), endedAt, seconds, Math.Round(seconds / 60.0 * (5 + _random.NextDouble() * 8), 2));
    }

    public void Dispose()
    {
        _queues.Dispose();
        _aggregates.Dispose();
    }
}
