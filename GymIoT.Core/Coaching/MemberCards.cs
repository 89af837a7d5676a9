namespace GymIoT.Core.Coaching;

/// <summary>The card a member trains on, and changing it: what the member home, the staff pages and the coach ask.</summary>
public sealed class MemberCards(TrainingCardStore cards, CardAssignmentStore assignments, CardOfferStore offers, TimeProvider timeProvider)
{
    /// <summary>The member's card on <paramref name="day"/> and why; the starter card when the assigned one no longer exists.</summary>
    public async Task<(TrainingCard Card, CardAssignment Assignment)> OnAsync(string memberId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var assignment = await assignments.OnAsync(memberId, day, cancellationToken);
        return (await cards.FindAsync(assignment.CardId, cancellationToken) ?? CardCatalogue.Starter, assignment);
    }

    /// <summary>The card of an assignment among cards read already, as <see cref="OnAsync"/> finds it.</summary>
    public static TrainingCard CardOf(CardAssignment assignment, IReadOnlyList<TrainingCard> all) =>
        all.FirstOrDefault(c => c.CardId == assignment.CardId) ?? CardCatalogue.Starter;

    /// <summary>Puts the member on the card from <paramref name="from"/>.</summary>
    /// <exception cref="ArgumentException">No card has this id.</exception>
    public async Task<CardAssignment> AssignAsync(string memberId, string cardId, DateOnly from, AssignmentCause cause, string? by, CancellationToken cancellationToken = default)
    {
        _ = await cards.FindAsync(cardId, cancellationToken) ?? throw new ArgumentException($"There is no card '{cardId}'.", nameof(cardId));
        var assignment = new CardAssignment(memberId, from, cardId, cause, timeProvider.GetUtcNow(), by);
        await assignments.AssignAsync(assignment, cancellationToken);
        return assignment;
    }

    /// <summary>
    /// The next level's card, offered once the month's kcal reach the card's threshold, until the member accepts or keeps
    /// their card; null when there is nothing to offer.
    /// </summary>
    public async Task<TrainingCard?> OfferAsync(string memberId, TrainingCard card, decimal monthKcal, double thresholdKcal, DateOnly today, CancellationToken cancellationToken = default)
    {
        if ((double)monthKcal < thresholdKcal || await offers.DecisionAsync(memberId, today, cancellationToken) is not null)
        {
            return null;
        }
        return NextLevel(card, await cards.AllAsync(cancellationToken));
    }

    /// <summary>The member takes the offered card, from the next local day.</summary>
    public async Task AcceptAsync(string memberId, TrainingCard offered, DateOnly today, CancellationToken cancellationToken = default)
    {
        // The assignment first: should the answer not be recorded, the offer comes back and accepting again is harmless.
        await AssignAsync(memberId, offered.CardId, today.AddDays(1), AssignmentCause.AcceptedOffer, memberId, cancellationToken);
        await offers.DecideAsync(memberId, today, OfferDecision.Accepted, offered.CardId, timeProvider.GetUtcNow(), cancellationToken);
    }

    /// <summary>The member keeps their card: no more offers this month.</summary>
    public Task KeepAsync(string memberId, TrainingCard offered, DateOnly today, CancellationToken cancellationToken = default) =>
        offers.DecideAsync(memberId, today, OfferDecision.Kept, offered.CardId, timeProvider.GetUtcNow(), cancellationToken);

    /// <summary>The card one level up: the catalogue's when it has one, else the first of that level; none above the top level.</summary>
    public static TrainingCard? NextLevel(TrainingCard card, IReadOnlyList<TrainingCard> all) => AtLevel(card.Level + 1, all);

    /// <summary>The card one level down, chosen as <see cref="NextLevel"/> is; none below level 1.</summary>
    public static TrainingCard? LevelBelow(TrainingCard card, IReadOnlyList<TrainingCard> all) => AtLevel(card.Level - 1, all);

    private static TrainingCard? AtLevel(int level, IReadOnlyList<TrainingCard> all) =>
        all.Where(c => c.Level == level).OrderBy(c => CardCatalogue.Cards.Any(k => k.CardId == c.CardId) ? 0 : 1).FirstOrDefault();
}
