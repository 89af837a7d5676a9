using GymIoT.Core.Storage;

namespace GymIoT.Dashboard.Staff;

/// <summary>One device on the staff page: readings and faults today and this week, its last fault and last reading.</summary>
public sealed record DeviceHealth(string DeviceId, string? Machine, int ReadingsToday, int FaultsToday, int FaultsThisWeek, DateTimeOffset? LastFaultAt, string? LastFaultReason, DateTimeOffset? LastReadingAt)
{
    /// <summary>Devices with faults first, most faults today first.</summary>
    public static IReadOnlyList<DeviceHealth> From(IReadOnlyList<DeviceDay> lastSevenDays, string todayPeriod) =>
        [.. lastSevenDays
            .GroupBy(d => d.DeviceId)
            .Select(device =>
            {
                var today = device.FirstOrDefault(d => d.Period == todayPeriod);
                var lastFault = device.Where(d => d.LastFaultAt is not null).MaxBy(d => d.LastFaultAt);
                return new DeviceHealth(
                    device.Key,
                    device.Select(d => d.Machine).FirstOrDefault(m => m is not null),
                    today?.Sessions ?? 0,
                    today?.Faults ?? 0,
                    device.Sum(d => d.Faults),
                    lastFault?.LastFaultAt,
                    lastFault?.LastFaultReason,
                    device.Max(d => d.LastReadingAt));
            })
            .OrderByDescending(d => d.FaultsToday)
            .ThenByDescending(d => d.FaultsThisWeek)
            .ThenBy(d => d.DeviceId, StringComparer.Ordinal)];
}
