using System.Diagnostics;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Messaging;
using GymIoT.Core.Readings;
using GymIoT.Core.Telemetry;
using GymIoT.Core.Time;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.DeviceSimulator.Gym;
using Microsoft.Extensions.Options;

namespace GymIoT.DeviceSimulator;

/// <summary>
/// Makes and sends what the gym's sensors report: each reading starts its own trace, so it can be followed through the pipeline.
/// </summary>
public sealed class SensorTraffic(
    SimulatedGym gym,
    CardHabits habits,
    GymCalendar calendar,
    MemberStore members,
    MemberCards cards,
    MessagePublisher publisher,
    ServiceTelemetry telemetry,
    IOptions<SimulatorOptions> options,
    TimeProvider timeProvider)
{
    private readonly Random _random = options.Value.RandomSeed is { } seed ? new Random(seed) : Random.Shared;
    private readonly Lock _randomLock = new();

    /// <summary>Registers the simulated gym's members (a member enrolled before is left as it is).</summary>
    public async Task EnrollMembersAsync(CancellationToken cancellationToken)
    {
        foreach (var member in gym.Members)
        {
            await members.EnrollAsync(member, cancellationToken);
        }
    }

    /// <summary>Reads each member's card of today, so the members train on the cards staff, offers and the month end gave them.</summary>
    public async Task ReadCardsAsync(CancellationToken cancellationToken)
    {
        var today = calendar.LocalDate(Now);
        foreach (var member in gym.Members)
        {
            habits.Know(member.MemberId, (await cards.OnAsync(member.MemberId, today, cancellationToken)).Card);
        }
    }

    /// <summary>One member's session on one machine, ending at <paramref name="endedAt"/>: good, or bad at the given rates.</summary>
    public SimulatedMessage Next(DateTimeOffset endedAt, double faultRate, double originalFormatRate, IReadOnlyList<Member>? among = null)
    {
        lock (_randomLock)
        {
            var pool = among ?? gym.Members;
            var day = calendar.LocalDate(endedAt);
            var member = pool[_random.Next(pool.Count)];
            for (var tries = 0; tries < 3 && habits.IsDone(member.MemberId, day); tries++)
            {
                member = pool[_random.Next(pool.Count)];
            }
            var (machine, minutes) = habits.NextSession(member.MemberId, day, _random);
            var devices = machine is null ? gym.Devices : [.. gym.Devices.Where(d => d.Machine.Name == machine)];
            var device = devices[_random.Next(devices.Count)];
            var reading = SessionFactory.Session(member, device, TruncateToSeconds(endedAt), _random, minutes);
            habits.Record(member.MemberId, day, reading.Machine, reading.DurationSeconds / 60);
            if (_random.NextDouble() < faultRate)
            {
                return Misreadings.Make(Misreadings.Kinds[_random.Next(Misreadings.Kinds.Count)], reading, _random);
            }
            return _random.NextDouble() < originalFormatRate
                ? Misreadings.Original(reading)
                : new SimulatedMessage(reading.Machine, Misreadings.GoodBody(reading), reading, null, OriginalFormat: false);
        }
    }

    /// <summary>Sends the messages, each in a trace of its own; returns what became of each, in order.</summary>
    public async Task<IReadOnlyList<SendOutcome>> SendAsync(IReadOnlyList<SimulatedMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new SendOutcome[messages.Count];
        foreach (var queue in messages.Select((message, index) => (message, index)).GroupBy(m => m.message.Queue))
        {
            var outgoing = new List<OutgoingMessage>();
            // Each reading is the root of a trace of its own, whatever asked for it (a burst's request).
            using (AmbientSpan.Set(null))
            {
                foreach (var (message, _) in queue)
                {
                    using var session = telemetry.ActivitySource.StartActivity("sensor reading", ActivityKind.Internal);
                    session?.SetTag("gymiot.device.id", message.Reading.DeviceId)
                        .SetTag("gymiot.reading.id", message.Reading.ReadingId)
                        .SetTag("gymiot.reading.fault", message.ExpectedRejection?.ToString());
                    outgoing.Add(new OutgoingMessage(message.Body, session?.Context ?? default));
                }
            }
            var sent = await publisher.SendBatchAsync(queue.Key, outgoing, cancellationToken);
            foreach (var ((_, index), outcome) in queue.Zip(sent))
            {
                outcomes[index] = outcome;
            }
        }
        return outcomes;
    }

    public DateTimeOffset Now => timeProvider.GetUtcNow();

    private static DateTimeOffset TruncateToSeconds(DateTimeOffset time) => new(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, time.Offset);
}
