using System.Diagnostics;
using GymIoT.Core.Readings;
using GymIoT.Core.Storage;
using GymIoT.Core.Time;

namespace GymIoT.Aggregator;

/// <summary>Which aggregate items a reading changes, and by how much: the member's local day and month, and the device's local day.</summary>
public static class ReadingAggregation
{
    /// <param name="trace">The span of the reading's storing, in which its writes are traced.</param>
    public static ReadingContributions ContributionsOf(Reading reading, GymCalendar calendar, ActivityContext trace = default)
    {
        var day = calendar.DayKey(reading.StartedAt);
        var kcal = (decimal)reading.CaloriesKcal;
        var seconds = (decimal)reading.DurationSeconds;
        var month = calendar.MonthKey(reading.StartedAt);
        var totals = new Dictionary<string, decimal>
        {
            [ActivityAttributes.Kcal] = kcal,
            [ActivityAttributes.Seconds] = seconds,
            [ActivityAttributes.Sessions] = 1,
            [ActivityAttributes.KcalOn(reading.Machine)] = kcal,
            [ActivityAttributes.SecondsOn(reading.Machine)] = seconds,
            [ActivityAttributes.SessionsOn(reading.Machine)] = 1,
        };
        var memberDay = new Dictionary<string, decimal>(totals)
        {
            [ActivityAttributes.KcalInHour(calendar.LocalHour(reading.StartedAt))] = kcal,
        };
        var device = new Dictionary<string, decimal>
        {
            [ActivityAttributes.Kcal] = kcal,
            [ActivityAttributes.Seconds] = seconds,
            [ActivityAttributes.Sessions] = 1,
        };
        var latest = new Dictionary<string, string> { [ActivityAttributes.LastReadingAt] = StoredTime.Of(reading.EndedAt) };
        var labels = new Dictionary<string, string> { [ActivityAttributes.Machine] = reading.Machine };

        var none = new Dictionary<string, string>();
        return new ReadingContributions(
            new(ItemKey.MemberPeriod(reading.MemberId, day), reading.ReadingId, memberDay, none, new(ActivityAttributes.Sessions, ItemLimits.ReadingsPerMemberDay), Trace: trace),
            new(ItemKey.MemberPeriod(reading.MemberId, month), reading.ReadingId, totals, none, Trace: trace),
            new(ItemKey.DevicePeriod(reading.DeviceId, day), reading.ReadingId, device, latest, new(ActivityAttributes.Sessions, ItemLimits.ReadingsPerDeviceDay), labels, trace));
    }
}

/// <summary>
/// The three items one reading changes. The member's day is written first: a month only takes readings its days took, which
/// bounds it (see <see cref="ItemLimits"/>).
/// </summary>
public sealed record ReadingContributions(ActivityContribution MemberDay, ActivityContribution MemberMonth, ActivityContribution DeviceDay)
{
    public IReadOnlyList<ActivityContribution> All => [MemberDay, MemberMonth, DeviceDay];
}
