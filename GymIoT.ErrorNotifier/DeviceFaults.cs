using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.Core.Time;

namespace GymIoT.ErrorNotifier;

/// <summary>
/// Counts each report once against its device's day (<c>DeviceActivity</c>): faults, and the last fault's time and reason
/// (<c>LastFault</c> = <c>time|reason</c>, so the latest one wins), for the staff pages. A report whose device id cannot be a
/// key (empty, too long, invisible characters: the reading was refused for it) is counted against <see cref="UnidentifiedDevice"/>.
/// </summary>
public sealed class DeviceFaults(ActivityStore store, GymCalendar calendar)
{
    /// <summary>Where the faults of readings without a usable device id are counted.</summary>
    public const string UnidentifiedDevice = "(unidentified)";

    public Task<IReadOnlyDictionary<string, StoreOutcome>> RecordAsync(IReadOnlyList<IncomingReport> reports, CancellationToken cancellationToken) =>
        store.ApplyAsync([.. reports.Select(Contribution)], parallelism: 4, cancellationToken);

    public ActivityContribution Contribution(IncomingReport incoming)
    {
        var report = incoming.Report;
        var at = StoredTime.Of(report.ReceivedAt);
        return new ActivityContribution(
            ItemKey.DevicePeriod(Identifiers.IsValid(report.DeviceId) ? report.DeviceId : UnidentifiedDevice, calendar.DayKey(report.ReceivedAt)),
            incoming.ReportId,
            new Dictionary<string, decimal> { [ActivityAttributes.Faults] = 1 },
            new Dictionary<string, string> { [ActivityAttributes.LastFault] = $"{at}|{report.Reason}" },
            new ItemCap(ActivityAttributes.Faults, ItemLimits.FaultsPerDeviceDay),
            Trace: incoming.Trace);
    }
}
