using GymIoT.Core.Coaching;
using GymIoT.Core.Hosting;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;
using GymIoT.Core.Time;

namespace GymIoT.DeviceSimulator.Gym;

/// <summary>
/// The demo members' past, following their card of the day (<see cref="DemoCards"/>): on about one day more a week than the
/// card asks, starting between 7:00 and 21:00 gym time, the card's steps in order for about their minutes, now and then a
/// session on any machine. A member's day is the same whenever it is made in a month (its randomness is seeded by the
/// member and the day), and so are its reading ids: sending a day again is recognised by the aggregator as readings it
/// already has.
/// </summary>
public sealed class DemoHistory(SimulatedGym gym, GymCalendar calendar)
{
    private const double ExtraSession = 0.2;

    /// <param name="today">The day the demo is told from.</param>
    public IReadOnlyList<Reading> SessionsOn(Member member, DateOnly day, DateOnly today)
    {
        var random = new Random(unchecked(StableHash.Of(member.MemberId) * 31 + day.DayNumber));
        var card = DemoCards.CardOn(member, day, today, calendar);
        if (random.NextDouble() > Math.Min(6.0, card.WorkoutsPerWeek + 1) / 7 || DemoCards.OnBreak(member, day, today))
        {
            return [];
        }
        var start = new DateTime(day, new TimeOnly(7 + random.Next(13), random.Next(60)), DateTimeKind.Unspecified);
        var end = new DateTimeOffset(start, calendar.TimeZone.GetUtcOffset(start));
        var plan = card.Steps.Select(step => ((string?)step.Machine, (int?)step.Minutes + random.Next(0, 3))).ToList();
        if (random.NextDouble() < ExtraSession)
        {
            plan.Add((null, null));
        }
        var sessions = new List<Reading>();
        foreach (var (machine, minutes) in plan)
        {
            var devices = machine is null ? gym.Devices : [.. gym.Devices.Where(d => d.Machine.Name == machine)];
            var reading = SessionFactory.Session(member, devices[random.Next(devices.Count)], end.AddMinutes(minutes ?? 60), random, minutes)
                with { ReadingId = $"history-{member.MemberId}-{day:yyyyMMdd}-{sessions.Count}" };
            sessions.Add(reading);
            end = reading.EndedAt.AddMinutes(2 + random.Next(5));
        }
        return sessions;
    }
}
