using System.Globalization;
using GymIoT.Core.Readings;
using GymIoT.Core.Time;

namespace GymIoT.Core.Storage;

/// <summary>Which aggregate items a reading changes, and by how much: the member's local day and month, and the device's local day.</summary>
public static class ReadingAggregation
{
    public static IReadOnlyList<ActivityContribution> ContributionsOf(Reading reading, GymCalendar calendar)
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
        var latest = new Dictionary<string, string>
        {
            [ActivityAttributes.LastReadingAt] = reading.EndedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            [ActivityAttributes.Machine] = reading.Machine,
        };

        return
        [
            new(ItemKey.MemberPeriod(reading.MemberId, day), reading.ReadingId, memberDay, new Dictionary<string, string>()),
            new(ItemKey.MemberPeriod(reading.MemberId, month), reading.ReadingId, totals, new Dictionary<string, string>()),
            new(ItemKey.DevicePeriod(reading.DeviceId, day), reading.ReadingId, device, latest),
        ];
    }
}
