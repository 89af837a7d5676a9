using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

/// <summary>Aggregate items stay under DynamoDB's 400 KB whatever a sender floods them with (<see cref="ItemLimits"/>).</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class ItemLimitTests(PlatformFixture fixture) : IDisposable
{
    private readonly QueueProbe _queues = new(fixture.Aws.CreateSqsClient());
    private readonly Aggregates _aggregates = new(fixture.Aws.CreateDynamoDbClient());

    [Fact]
    public async Task Floods_of_long_ids_stop_at_the_daily_limits_with_a_reason_and_the_items_still_count_ordinary_readings()
    {
        var device = $"flood-{Guid.NewGuid():N}"[..20];
        var members = await EnrolAsync(11);
        var ended = DateTimeOffset.UtcNow.AddMinutes(-2);
        ended = new DateTimeOffset(ended.Ticks - ended.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        // Every id as long as an id may be: the most each reading can add to an item.
        Reading Reading(string member, string onDevice, DateTimeOffset end) =>
            new($"{Guid.NewGuid():N}{Guid.NewGuid():N}", onDevice, "Cyclette", member, end.AddSeconds(-60), end, 60, 5);

        using var aggregator = await InProcessService.AggregatorAsync(fixture.Aws, ("Aggregator:Queues:0", "Cyclette"));

        // One member at the bound of a day, and one more: exactly one of them is refused.
        var memberFlood = await SendAsync([.. Enumerable.Range(0, ItemLimits.ReadingsPerMemberDay + 1).Select(_ => Reading(members[0], device, ended))]);
        var memberReport = Assert.Single(await _queues.TakeReportsAsync("Errors", memberFlood, TimeSpan.FromMinutes(2), expected: 1)).Value.Report;
        Assert.Equal(
            $"OverDailyLimit: member '{members[0]}' has {ItemLimits.ReadingsPerMemberDay} readings on D#{DayOf(ended)} already, the most one day may hold",
            memberReport.Reason);

        // The device at the bound of a day (the other members' days stay within theirs), and one more.
        var deviceFlood = Enumerable.Range(0, ItemLimits.ReadingsPerDeviceDay - ItemLimits.ReadingsPerMemberDay + 1)
            .Select(i => Reading(members[1 + i % 10], device, ended)).ToList();
        var deviceFloodIds = await SendAsync(deviceFlood);
        var deviceReport = Assert.Single(await _queues.TakeReportsAsync("Errors", deviceFloodIds, TimeSpan.FromMinutes(2), expected: 1)).Value;
        Assert.StartsWith($"OverDailyLimit: device '{device}' has {ItemLimits.ReadingsPerDeviceDay} readings", deviceReport.Report.Reason);
        var refusedMember = deviceReport.Report.MemberId!;

        // Ordinary readings still count: the flooded member yesterday, and the member refused by the device on another device.
        await SendAsync([Reading(members[0], "cyclette-01", ended.AddDays(-1)), Reading(refusedMember, "cyclette-02", ended)]);
        var expectedOfRefused = deviceFlood.Count(r => r.MemberId == refusedMember) - 1 + 1;
        var flooded = await Eventually.ValueAsync(() => _aggregates.MemberItemsAsync(members[0]), items => Aggregates.Sum(items, "D#", "Sessions") >= ItemLimits.ReadingsPerMemberDay + 1, TimeSpan.FromMinutes(2));
        var refused = await Eventually.ValueAsync(() => _aggregates.MemberItemsAsync(refusedMember), items => Aggregates.Sum(items, "D#", "Sessions") >= expectedOfRefused, TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2));

        Assert.Equal(ItemLimits.ReadingsPerMemberDay + 1, Aggregates.Sum(await _aggregates.MemberItemsAsync(members[0]), "D#", "Sessions"));
        Assert.Equal(expectedOfRefused, Aggregates.Sum(await _aggregates.MemberItemsAsync(refusedMember), "D#", "Sessions"));
        Assert.Equal(expectedOfRefused, Aggregates.Sum(await _aggregates.MemberItemsAsync(refusedMember), "M#", "Sessions"));
        var deviceDay = await _aggregates.ItemsAsync(TableNames.DeviceActivity, KeyNames.DeviceId, device);
        Assert.Equal(ItemLimits.ReadingsPerDeviceDay, Aggregates.Sum(deviceDay, "D#", "Sessions"));
        Assert.Equal(ItemLimits.ReadingsPerDeviceDay, Aggregates.AppliedIds(deviceDay, "D#").Count);
        await aggregator.StopAsync();
    }

    private async Task<IReadOnlyList<string>> SendAsync(IEnumerable<Reading> readings) =>
        await _queues.SendManyAsync("Cyclette", readings.Select(Misreadings.GoodBody));

    private static string DayOf(DateTimeOffset time) => new GymIoT.Core.Time.GymCalendar(new GymIoT.Core.Time.GymOptions()).DayKey(time)[2..];

    private async Task<string[]> EnrolAsync(int count)
    {
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        var store = new MemberStore(dynamoDb);
        var ids = Enumerable.Range(0, count).Select(i => $"lim-{Guid.NewGuid():N}"[..14] + $"-{i}").ToArray();
        foreach (var id in ids)
        {
            await store.EnrollAsync(new Member(id, "Flood", "Test", Sex.Male, new DateOnly(1990, 1, 1), 80, 180));
        }
        return ids;
    }

    public void Dispose()
    {
        _queues.Dispose();
        _aggregates.Dispose();
    }
}
