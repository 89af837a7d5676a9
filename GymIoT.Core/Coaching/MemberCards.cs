namespace GymIoT.Core.Coaching;

/// <summary>The card a member trains on, and changing it: what the member home, the staff pages and the coach ask.</summary>
public sealed class MemberCards(TrainingCardStore cards, CardAssignmentStore assignments, TimeProvider timeProvider)
{
    /// <summary>The member's card on <paramref name="day"/> and why; the starter card when the assigned one no longer exists.</summary>
    public async Task<(TrainingCard Card, CardAssignment Assignment)> OnAsync(string memberId, DateOnly day, CancellationToken cancellationToken = default)
    {
        var assignment = await assignments.OnAsync(memberId, day, cancellationToken);
        return (await cards.FindAsync(assignment.CardId, cancellationToken) ?? CardCatalogue.Starter, assignment);
    }

    /// <summary>Puts the member on the card from <paramref name="from"/>.</summary>
    /// <exception cref="ArgumentException">No card has this id.</exception>
    public async Task<CardAssignment> AssignAsync(string memberId, string cardId, DateOnly from, AssignmentCause cause, string? by, CancellationToken cancellationToken = default)
    {
        _ = await cards.FindAsync(cardId, cancellationToken) ?? throw new ArgumentException($"There is no card '{cardId}'.", nameof(cardId));
        var assignment = new CardAssignment(memberId, from, cardId, cause, timeProvider.GetUtcNow(), by);
        await assignments.AssignAsync(assignment, cancellationToken);
        return assignment;
    }
}
