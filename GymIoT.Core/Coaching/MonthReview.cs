namespace GymIoT.Core.Coaching;

/// <summary>
/// A member's month as the month-end review judged it: the card they ended it on, where the bar stood, the verdict, and
/// the card they are on from the next month's 1st when the verdict moves them down (null when it does not, or they are on level 1).
/// </summary>
public sealed record MonthReview(
    string MemberId,
    DateOnly Month,
    MonthVerdict Verdict,
    string CardId,
    int Percent,
    string? LevelDownCardId,
    DateTimeOffset ReviewedAt)
{
    /// <summary>The day the level-down card applies from: the next month's 1st.</summary>
    public DateOnly NextMonth => Month.AddMonths(1);
}
