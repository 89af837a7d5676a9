using System.Collections.Concurrent;
using GymIoT.Core.Coaching;

namespace GymIoT.DeviceSimulator.Gym;

/// <summary>
/// How simulated members train on their card (the one last read for them; the starter card until then): most sessions are
/// the card's next step for about its minutes, some overstay it, some are on any machine; a member whose card is done for
/// the day mostly rests. So a running gym shows progress, and now and then every kind of alert.
/// </summary>
public sealed class CardHabits
{
    private const double FollowsCard = 0.75;
    private const double Overstays = 0.10;

    private readonly ConcurrentDictionary<(string Member, DateOnly Day), Dictionary<string, double>> _minutes = new();
    private readonly ConcurrentDictionary<string, TrainingCard> _cards = new();
    private DateOnly _today;

    /// <summary>The machine and minutes of the member's next session; null minutes for a session of any length.</summary>
    public (string? Machine, int? Minutes) NextSession(string memberId, DateOnly day, Random random)
    {
        Forget(day);
        var done = _minutes.GetOrAdd((memberId, day), _ => []);
        var next = CardProgress.NextStep(CardOf(memberId), done);
        var roll = random.NextDouble();
        if (next is null || roll >= FollowsCard + Overstays)
        {
            return (null, null);
        }
        var remaining = (int)Math.Ceiling(next.Step.Minutes - next.MinutesDone);
        return roll < FollowsCard
            ? (next.Step.Machine, remaining)
            : (next.Step.Machine, remaining + random.Next(3, 15));
    }

    /// <summary>Whether the member's card is done for the day: such a member mostly rests.</summary>
    public bool IsDone(string memberId, DateOnly day) =>
        _minutes.TryGetValue((memberId, day), out var done) && CardProgress.NextStep(CardOf(memberId), done) is null;

    /// <summary>The member trains on <paramref name="card"/> from now on.</summary>
    public void Know(string memberId, TrainingCard card) => _cards[memberId] = card;

    private TrainingCard CardOf(string memberId) => _cards.GetValueOrDefault(memberId) ?? CardCatalogue.Starter;

    public void Record(string memberId, DateOnly day, string machine, double minutes)
    {
        var done = _minutes.GetOrAdd((memberId, day), _ => []);
        lock (done)
        {
            done[machine] = done.GetValueOrDefault(machine) + minutes;
        }
    }

    /// <summary>Past days are not needed any more.</summary>
    private void Forget(DateOnly today)
    {
        if (today == _today)
        {
            return;
        }
        _today = today;
        foreach (var key in _minutes.Keys.Where(k => k.Day < today))
        {
            _minutes.TryRemove(key, out _);
        }
    }
}
