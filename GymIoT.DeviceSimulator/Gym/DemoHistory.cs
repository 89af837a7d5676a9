using GymIoT.Core.Hosting;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;
using GymIoT.Core.Time;

namespace GymIoT.DeviceSimulator.Gym;

/// <summary>
/// The demo members' past: on three to five days a week, one or two sessions between 7:00 and 21:00 gym time. A member's
/// day is the same whenever it is made (its randomness is seeded by the member and the day), and so are its reading ids:
/// sending a day again is recognised by the aggregator as readings it already has.
/// </summary>
public sealed class DemoHistory(SimulatedGym gym, GymCalendar calendar)
{
    public IReadOnlyList<Reading> SessionsOn(Member member, DateOnly day)
    {
        var random = new Random(unchecked(StableHash.Of(member.MemberId) * 31 + day.DayNumber));
        if (random.NextDouble() > 4.0 / 7)
        {
            return [];
        }
        var start = new DateTime(day, new TimeOnly(7 + random.Next(13), random.Next(60)), DateTimeKind.Unspecified);
        var end = new DateTimeOffset(start, calendar.TimeZone.GetUtcOffset(start));
        var sessions = new List<Reading>();
        for (var session = 0; session < 1 + random.Next(2); session++)
        {
            var device = gym.Devices[random.Next(gym.Devices.Count)];
            var reading = SessionFactory.Session(member, device, end.AddMinutes(70), random) with { ReadingId = $"history-{member.MemberId}-{day:yyyyMMdd}-{session}" };
            sessions.Add(reading);
            end = reading.EndedAt.AddMinutes(70);
        }
        return sessions;
    }

}
