using GymIoT.Core.Coaching;
using Microsoft.Extensions.Caching.Memory;

namespace GymIoT.Coach;

/// <summary>
/// The card a member trains on, remembered for a minute: a member's sessions come minutes apart, each would otherwise cost
/// two reads, and a card changes from one day to the next (an accepted offer) or when staff assign one, which the coach
/// then follows within the minute.
/// </summary>
public sealed class CardOfTheDay(MemberCards cards, IMemoryCache cache)
{
    public static readonly TimeSpan RememberedFor = TimeSpan.FromMinutes(1);

    public async Task<TrainingCard> OnAsync(string memberId, DateOnly day, CancellationToken cancellationToken) =>
        await cache.GetOrCreateAsync((memberId, day), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = RememberedFor;
            entry.Size = 1;
            return (await cards.OnAsync(memberId, day, cancellationToken)).Card;
        }) ?? CardCatalogue.Starter;
}
