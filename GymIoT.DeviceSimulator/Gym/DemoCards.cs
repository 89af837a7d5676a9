using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Time;

namespace GymIoT.DeviceSimulator.Gym;

/// <summary>
/// The demo members' story on their cards, told from the month of the demo's first start: Daria accepted the next level
/// twice and trains on Endurance; Alex accepted Foundation three months ago, then took a break in the second half of last
/// month, so the coach's month-end review moves him back to level 1 from this month's 1st. Every other member keeps the
/// starter card until staff or an accepted offer change it.
/// </summary>
public static class DemoCards
{
    private static Member Alex => DemoMembers.Members[0];
    private static Member Daria => DemoMembers.Members[1];

    /// <summary>The day of last month from which Alex rests.</summary>
    private const int BreakFromDay = 13;

    /// <summary>The story's assignments, each made (by the member accepting an offer) on the evening before it applies.</summary>
    public static IReadOnlyList<CardAssignment> Story(Member member, DateOnly today, GymCalendar calendar)
    {
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        CardAssignment Accepted(DateOnly from, string cardId) =>
            new(member.MemberId, from, cardId, AssignmentCause.AcceptedOffer, calendar.StartOfDay(from).AddHours(-3), member.MemberId);
        return member.MemberId == Alex.MemberId ? [Accepted(thisMonth.AddMonths(-3), "foundation")]
            : member.MemberId == Daria.MemberId ? [Accepted(thisMonth.AddMonths(-6), "foundation"), Accepted(thisMonth.AddMonths(-2), "endurance")]
            : [];
    }

    /// <summary>The card the story has the member on that day.</summary>
    public static TrainingCard CardOn(Member member, DateOnly day, DateOnly today, GymCalendar calendar) =>
        Story(member, today, calendar).Where(a => a.From <= day).MaxBy(a => a.From) is { } assignment
            ? CardCatalogue.Cards.Single(c => c.CardId == assignment.CardId)
            : CardCatalogue.Starter;

    /// <summary>Alex's break: the second half of last month.</summary>
    public static bool OnBreak(Member member, DateOnly day, DateOnly today)
    {
        var lastMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(-1);
        return member.MemberId == Alex.MemberId && day.Year == lastMonth.Year && day.Month == lastMonth.Month && day.Day >= BreakFromDay;
    }
}
