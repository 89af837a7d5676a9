using System.Diagnostics;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.Core.Time;
using Microsoft.Extensions.Options;

namespace GymIoT.Aggregator;

/// <summary>
/// Folds accepted readings into the aggregates, in an order that keeps every item within its limit: the member's day first,
/// then the device's day and the member's month for the readings the day took. A reading the device's day has no room for
/// is taken back from the member's items.
/// </summary>
public sealed partial class ReadingStore(ActivityStore store, GymCalendar calendar, IOptions<AggregatorOptions> options, ILogger<ReadingStore> logger)
{
    /// <param name="readings">Each reading with the span of its storing, where its writes are traced.</param>
    /// <returns>What became of each reading, by reading id.</returns>
    public async Task<IReadOnlyDictionary<string, StoredReading>> StoreAsync(
        IEnumerable<(Reading Reading, ActivityContext Trace)> readings, CancellationToken cancellationToken)
    {
        var contributions = readings.DistinctBy(r => r.Reading.ReadingId).Select(r => ReadingAggregation.ContributionsOf(r.Reading, calendar, r.Trace)).ToList();
        var parallelism = options.Value.StoreParallelism;
        var days = await store.ApplyAsync([.. contributions.Select(r => r.MemberDay)], parallelism, cancellationToken);
        var admitted = contributions.Where(r => days[r.MemberDay.SourceId] is StoreOutcome.Applied or StoreOutcome.Duplicate).ToList();
        var rest = await store.ApplyAsync([.. admitted.SelectMany(r => new[] { r.DeviceDay, r.MemberMonth })], parallelism, cancellationToken);

        var takenBack = true;
        var overDeviceLimit = admitted.Where(r => rest[r.DeviceDay.SourceId] == StoreOutcome.OverCap).ToList();
        if (overDeviceLimit.Count > 0)
        {
            try
            {
                await store.RevokeAsync([.. overDeviceLimit.SelectMany(r => new[] { r.MemberDay, r.MemberMonth })], parallelism, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Left for redelivery, which takes them back again.
                LogNotTakenBack(ex, overDeviceLimit.Count);
                takenBack = false;
            }
        }

        return contributions.ToDictionary(r => r.MemberDay.SourceId, r => (days[r.MemberDay.SourceId], rest.GetValueOrDefault(r.DeviceDay.SourceId)) switch
        {
            (StoreOutcome.OverCap, _) => new StoredReading(StoreOutcome.OverCap, OverLimit(r.MemberDay)),
            (StoreOutcome.Applied or StoreOutcome.Duplicate, StoreOutcome.OverCap) => takenBack
                ? new StoredReading(StoreOutcome.OverCap, OverLimit(r.DeviceDay))
                : new StoredReading(StoreOutcome.Failed),
            (StoreOutcome.Duplicate, StoreOutcome.Duplicate) => new StoredReading(StoreOutcome.Duplicate),
            (StoreOutcome.Applied or StoreOutcome.Duplicate, StoreOutcome.Applied or StoreOutcome.Duplicate) => new StoredReading(StoreOutcome.Applied),
            (StoreOutcome.Applied or StoreOutcome.Duplicate, var other) => new StoredReading(other),
            (var other, _) => new StoredReading(other),
        });
    }

    private static string OverLimit(ActivityContribution full) =>
        $"{(full.Key.Table == TableNames.DeviceActivity ? "device" : "member")} '{full.Key.PartitionKey}' has {full.Cap!.Max} readings on {full.Key.Period} already, the most one day may hold";

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} readings over their device's daily limit could not be taken back from their members' items; they will be delivered again")]
    private partial void LogNotTakenBack(Exception exception, int count);
}
