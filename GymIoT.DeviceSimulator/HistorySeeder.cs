using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Time;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.DeviceSimulator.Gym;

namespace GymIoT.DeviceSimulator;

/// <summary>
/// Back-fills the demo members' past sessions through the real queues, so the demo history is itself proof of the pipeline
/// (<see cref="DemoHistory"/>); the first time, it stores their cards' story too (<see cref="DemoCards"/>). Each member's
/// item in <c>Members</c> remembers the last day sent, so a later start sends only the days since; sending a day twice is
/// harmless, as its readings keep their ids, and so is storing the story twice, as its assignments keep their keys.
/// </summary>
public sealed partial class HistorySeeder(
    SensorTraffic traffic,
    DemoHistory history,
    MemberStore members,
    CardAssignmentStore assignments,
    GymCalendar calendar,
    ILogger<HistorySeeder> logger)
{
    /// <summary>Sends each demo member's days not sent yet, going back at most <paramref name="days"/> days, up to yesterday.</summary>
    public async Task<int> CatchUpAsync(int days, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var member in SimulatedGym.DemoMembers)
        {
            var from = Today.AddDays(-days);
            var through = await members.HistorySentThroughAsync(member.MemberId, cancellationToken);
            if (through is null)
            {
                await StoreCardStoryAsync(member, cancellationToken);
            }
            else if (through >= from)
            {
                from = through.Value.AddDays(1);
            }
            sent += await SendAsync(member, from, cancellationToken);
        }
        LogSeeded(sent, SimulatedGym.DemoMembers.Count, days);
        return sent;
    }

    /// <summary>Sends the last <paramref name="days"/> days of every demo member, whatever was sent before.</summary>
    public async Task<int> SeedAsync(int days, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var member in SimulatedGym.DemoMembers)
        {
            await StoreCardStoryAsync(member, cancellationToken);
            sent += await SendAsync(member, Today.AddDays(-days), cancellationToken);
        }
        LogSeeded(sent, SimulatedGym.DemoMembers.Count, days);
        return sent;
    }

    private DateOnly Today => calendar.LocalDate(traffic.Now);

    private async Task StoreCardStoryAsync(Member member, CancellationToken cancellationToken)
    {
        foreach (var assignment in DemoCards.Story(member, Today, calendar))
        {
            await assignments.AssignAsync(assignment, cancellationToken);
        }
    }

    private async Task<int> SendAsync(Member member, DateOnly from, CancellationToken cancellationToken)
    {
        var today = Today;
        var yesterday = today.AddDays(-1);
        var messages = new List<SimulatedMessage>();
        for (var day = from; day <= yesterday; day = day.AddDays(1))
        {
            messages.AddRange(history.SessionsOn(member, day, today).Select(reading =>
                new SimulatedMessage(reading.Machine, Misreadings.GoodBody(reading), reading, null, OriginalFormat: false)));
        }
        var outcomes = await traffic.SendAsync(messages, cancellationToken);
        if (outcomes.Any(o => !o.Sent))
        {
            throw new InvalidOperationException($"{outcomes.Count(o => !o.Sent)} of {member.MemberId}'s past sessions were not sent; sending again.");
        }
        await members.SetHistorySentThroughAsync(member.MemberId, yesterday, cancellationToken);
        return outcomes.Count;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Readings} past sessions of {Members} demo members, going back at most {Days} days")]
    private partial void LogSeeded(int readings, int members, int days);
}
