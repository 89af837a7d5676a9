using GymIoT.Core.Coaching;
using Microsoft.Extensions.Caching.Memory;

namespace GymIoT.Coach;

/// <summary>
/// The card a member trains on, remembered for a minute: a member's sessions come minutes apart, each would otherwise cost
/// two reads, and a card changes from one day to the next (an accepted offer) or when staff assign or edit one, which the
/// coach then follows within the minute. The member's assignment and the card itself are remembered apart: a gym's
/// members share a handful of cards, so a card is read once a minute however many members train on it.
/// </summary>
public sealed class CardOfTheDay(CardAssignmentStore assignments, TrainingCardStore cards, IMemoryCache cache)
{
    public static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(1);

    private static readonly MemoryCacheEntryOptions Remembered = new() { AbsoluteExpirationRelativeToNow = RememberedFor, Size = 1 };

    public async Task<TrainingCard> OnAsync(string memberId, DateOnly day, CancellationToken cancellationToken)
    {
        var cardId = await cache.GetOrCreateAsync(
            new AssignmentKey(memberId, day), async _ => (await assignments.OnAsync(memberId, day, cancellationToken)).CardId, Remembered)
            ?? CardCatalogue.Starter.CardId;
        // The starter card when the assigned one no longer exists, as MemberCards.OnAsync finds it.
        return await cache.GetOrCreateAsync(new CardKey(cardId), _ => cards.FindAsync(cardId, cancellationToken), Remembered) ?? CardCatalogue.Starter;
    }

    private sealed record AssignmentKey(string MemberId, DateOnly Day);

    private sealed record CardKey(string CardId);
}
