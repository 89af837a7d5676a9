using System.Globalization;
using GymIoT.Core.Coaching;
using GymIoT.Core.Queues;
using GymIoT.Core.Machines;

namespace GymIoT.Coach;

/// <summary>Which alerts a session raises on a member's day, given the card and the sessions of that day known so far.</summary>
public static class AlertRules
{
    /// <param name="day">The session's local day.</param>
    /// <param name="sessions">Every session of that day known so far, the new one included.</param>
    public static IReadOnlyList<CoachAlert> For(string memberId, DateOnly day, TrainingCard card, IReadOnlyList<TrainingSession> sessions, TrainingSession session)
    {
        var alerts = new List<CoachAlert>();
        CoachAlert Alert(AlertKind kind, string about, string message) => new(memberId, day, kind, about, message, session.ReadingId);

        // The step due when the session began: counted from the sessions that started before it.
        var before = sessions.Where(s => s.StartedAt < session.StartedAt || (s.StartedAt == session.StartedAt && string.CompareOrdinal(s.ReadingId, session.ReadingId) < 0));
        var due = CardProgress.NextStep(card, MinutesByMachine(before));
        if (due is null || due.Step.Machine != session.Machine)
        {
            alerts.Add(Alert(AlertKind.OutOfSequence, session.ReadingId, due is null
                ? $"Your card was already done for today when you started on the {MachineCatalogue.Of(session.Machine).DisplayName}."
                : $"The {MachineCatalogue.Of(session.Machine).DisplayName} is not your card's next step: next is the {MachineCatalogue.Of(due.Step.Machine).DisplayName} ({due.Step.Minutes} min)."));
        }

        var today = MinutesByMachine(sessions);
        var next = CardProgress.NextStep(card, today);
        var step = card.Steps.FirstOrDefault(s => s.Machine == session.Machine);
        if (step is not null && today[session.Machine] > step.Minutes)
        {
            alerts.Add(Alert(AlertKind.OverTime, session.Machine,
                $"{Minutes(today[session.Machine])} minutes on the {MachineCatalogue.Of(session.Machine).DisplayName} today, more than your card's {step.Minutes}: "
                + (next is null ? "your card is done for today." : $"next is the {MachineCatalogue.Of(next.Step.Machine).DisplayName} ({next.Step.Minutes} min).")));
        }

        var total = today.Values.Sum();
        if (total > card.DailyCapMinutes)
        {
            alerts.Add(Alert(AlertKind.OverDailyCap, "", $"{Minutes(total)} minutes today, more than your card's {card.DailyCapMinutes}: stop for today and rest."));
        }
        return alerts;
    }

    /// <summary>
    /// Minutes to a hundredth, so a second over a limit shows (sessions are timed in seconds): rounded to whole ones, a session
    /// 0.4 minutes over its step read "15 minutes, more than your card's 15".
    /// </summary>
    private static string Minutes(double minutes) => minutes.ToString("0.##", CultureInfo.InvariantCulture);

    private static Dictionary<string, double> MinutesByMachine(IEnumerable<TrainingSession> sessions)
    {
        var minutes = QueueNames.Machines.ToDictionary(m => m, _ => 0.0);
        foreach (var session in sessions)
        {
            minutes[session.Machine] = minutes.GetValueOrDefault(session.Machine) + session.Minutes;
        }
        return minutes;
    }
}
