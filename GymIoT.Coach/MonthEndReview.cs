using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;
using GymIoT.Core.Time;

namespace GymIoT.Coach;

/// <summary>
/// The month-end review: judges each member's month on the card they ended it on and moves a
/// stalled or dipped member one level down from the next month's 1st. The verdict is recorded before the card changes
/// and the level-down assignment has a fixed key (made at the start of the 1st), so a repeated or concurrent run, or
/// one that stopped halfway, changes each member's card once.
/// </summary>
public sealed class MonthEndReview(
    MemberStore members,
    MemberActivityReader activity,
    TrainingCardStore cards,
    CardAssignmentStore assignments,
    MonthReviewStore reviews,
    GymCalendar calendar,
    TimeProvider timeProvider)
{
    /// <summary>Members reviewed at once.</summary>
    private const int Parallelism = 4;

    /// <summary>Reviews every member who trains for the month of <paramref name="month"/>; returns the reviews that stand.</summary>
    public async Task<IReadOnlyList<MonthReview>> ReviewAllAsync(DateOnly month, CancellationToken cancellationToken = default)
    {
        var all = await cards.AllAsync(cancellationToken);
        var done = new List<MonthReview>();
        await Parallel.ForEachAsync(await members.TrainingMembersAsync(cancellationToken), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken }, async (member, token) =>
        {
            var review = await ReviewAsync(member, month, all, token);
            lock (done)
            {
                done.Add(review);
            }
        });
        return done;
    }

    public async Task<MonthReview> ReviewAsync(Member member, DateOnly month, IReadOnlyList<TrainingCard> allCards, CancellationToken cancellationToken = default)
    {
        month = new DateOnly(month.Year, month.Month, 1);
        var review = await reviews.FindAsync(member.MemberId, month, cancellationToken)
            ?? await reviews.RecordAsync(await JudgeAsync(member, month, allCards, cancellationToken), cancellationToken);
        if (review.LevelDownCardId is { } down)
        {
            // The same item every time: applying a review again changes nothing, and a staff assignment made later on the 1st still wins.
            await assignments.AssignAsync(new CardAssignment(member.MemberId, review.NextMonth, down, AssignmentCause.LevelDown, calendar.StartOfDay(review.NextMonth), null), cancellationToken);
        }
        return review;
    }

    private async Task<MonthReview> JudgeAsync(Member member, DateOnly month, IReadOnlyList<TrainingCard> allCards, CancellationToken cancellationToken)
    {
        var lastDay = month.AddMonths(1).AddDays(-1);
        var card = MemberCards.CardOf(await assignments.OnAsync(member.MemberId, lastDay, cancellationToken), allCards);
        var lastDays = activity.DaysAsync(member.MemberId, lastDay.AddDays(1 - MonthEndRule.StallDays), lastDay, cancellationToken);
        var months = await activity.MonthsAsync(member.MemberId, month.AddMonths(-1), month, cancellationToken);
        var thisMonth = months.FirstOrDefault(m => m.Period == GymCalendar.MonthKey(month)) ?? PeriodActivity.Empty(GymCalendar.MonthKey(month));
        var previousMonth = months.FirstOrDefault(m => m.Period == GymCalendar.MonthKey(month.AddMonths(-1)));
        var threshold = CardProgress.MonthlyThresholdKcal(card, member.WeightKg, month.Year, month.Month);

        var verdict = MonthEndRule.Judge(threshold, thisMonth.Kcal, thisMonth.Sessions, (await lastDays).Sum(d => d.Kcal), previousMonth?.Kcal ?? 0);
        var down = MonthEndRule.MovesDown(verdict) ? MemberCards.LevelBelow(card, allCards) : null;
        return new MonthReview(member.MemberId, month, verdict, card.CardId, CardProgress.Percent(thisMonth.Kcal, threshold), down?.CardId, timeProvider.GetUtcNow());
    }
}
