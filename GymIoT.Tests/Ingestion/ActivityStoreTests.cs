using Amazon.DynamoDBv2.Model;
using GymIoT.Aggregator;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.Core.Telemetry;
using GymIoT.Core.Time;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymIoT.Tests.Ingestion;

/// <summary>The store that folds readings into aggregate items, against the embedded DynamoDB, counting its requests.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class ActivityStoreTests(PlatformFixture fixture) : IDisposable
{
    private static readonly DateTimeOffset Morning = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);
    private readonly GymCalendar _calendar = new(new GymOptions());
    private readonly Aggregates _aggregates = new(fixture.Aws.CreateDynamoDbClient());
    private readonly ServiceTelemetry _telemetry = new("GymIoT.Tests");

    [Fact]
    public async Task Readings_in_time_order_cost_one_write_per_item_and_no_refused_condition()
    {
        var device = $"order-{Guid.NewGuid():N}"[..20];
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        var store = new ActivityStore(ObservedDynamoDb.Wrap(dynamoDb, out var observed), _telemetry, NullLogger<ActivityStore>.Instance);

        // Two readings end in the same second: neither is older than the other.
        foreach (var ended in new[] { Morning, Morning.AddMinutes(30), Morning.AddMinutes(30), Morning.AddHours(1) })
        {
            await ApplyAsync(store, ReadingOn(device, ended));
        }

        Assert.Equal(4 * 3, observed.Calls.Count);
        Assert.All(observed.Calls, call => Assert.IsType<UpdateItemRequest>(call.Request));
        Assert.All(observed.Calls, call => Assert.Null(call.Failure));
        var day = Assert.Single(await DeviceItemsAsync(device));
        Assert.Equal("4", day[ActivityAttributes.Sessions].N);
        Assert.Equal(StoredTime.Of(Morning.AddHours(1)), day[ActivityAttributes.LastReadingAt].S);
        Assert.Equal("Cyclette", day[ActivityAttributes.Machine].S);
    }

    [Fact]
    public async Task A_late_reading_is_counted_but_never_moves_the_latest_values_back()
    {
        var device = $"late-{Guid.NewGuid():N}"[..20];
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        var store = new ActivityStore(dynamoDb, _telemetry, NullLogger<ActivityStore>.Instance);

        await ApplyAsync(store, ReadingOn(device, Morning.AddHours(2)));
        await ApplyAsync(store, ReadingOn(device, Morning));
        // A batch that holds both a late reading and a redelivered one.
        var redelivered = ReadingOn(device, Morning.AddHours(1));
        await ApplyAsync(store, redelivered);
        var outcomes = await store.ApplyAsync(
            [.. new[] { ReadingOn(device, Morning.AddMinutes(10)), redelivered }.SelectMany(r => ReadingAggregation.ContributionsOf(r, _calendar).All)],
            parallelism: 1, CancellationToken.None);

        Assert.Equal(StoreOutcome.Duplicate, outcomes[redelivered.ReadingId]);
        var day = Assert.Single(await DeviceItemsAsync(device));
        Assert.Equal("4", day[ActivityAttributes.Sessions].N);
        Assert.Equal(StoredTime.Of(Morning.AddHours(2)), day[ActivityAttributes.LastReadingAt].S);
    }

    private async Task ApplyAsync(ActivityStore store, Reading reading)
    {
        var outcomes = await store.ApplyAsync([.. ReadingAggregation.ContributionsOf(reading, _calendar).All], parallelism: 1, CancellationToken.None);
        Assert.NotEqual(StoreOutcome.Failed, outcomes[reading.ReadingId]);
    }

    private static Reading ReadingOn(string device, DateTimeOffset ended) =>
        new(Guid.NewGuid().ToString("N"), device, "Cyclette", $"m-{device}", ended.AddMinutes(-20), ended, 1200, 150);

    private Task<IReadOnlyList<Dictionary<string, AttributeValue>>> DeviceItemsAsync(string device) =>
        _aggregates.ItemsAsync(TableNames.DeviceActivity, KeyNames.DeviceId, device);

    public void Dispose()
    {
        _aggregates.Dispose();
        _telemetry.Dispose();
    }
}
