using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;

namespace GymIoT.Core.Coaching;

/// <summary>
/// The <c>TrainingCards</c> table: the cards staff create or edit. A catalogue card nobody has edited is not stored; it is
/// read from <see cref="CardCatalogue"/>, so every deployment has a card per level from its first start.
/// </summary>
public sealed class TrainingCardStore(IAmazonDynamoDB dynamoDb)
{
    /// <summary>Every card, the catalogue's as staff left them and staff's own, by level and then name.</summary>
    public async Task<IReadOnlyList<TrainingCard>> AllAsync(CancellationToken cancellationToken = default)
    {
        var cards = CardCatalogue.Cards.ToDictionary(c => c.CardId);
        foreach (var card in (await dynamoDb.ScanAllAsync(new ScanRequest { TableName = TableNames.TrainingCards }, cancellationToken)).Select(FromItem))
        {
            cards[card.CardId] = card;
        }
        return [.. cards.Values.OrderBy(c => c.Level).ThenBy(c => c.Name, StringComparer.Ordinal)];
    }

    /// <summary>The card with this id, stored or from the catalogue; null when there is none.</summary>
    public async Task<TrainingCard?> FindAsync(string cardId, CancellationToken cancellationToken = default)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = TableNames.TrainingCards,
            Key = new() { [KeyNames.CardId] = new() { S = cardId } },
        }, cancellationToken);
        return response.Item is { Count: > 0 } item ? FromItem(item) : CardCatalogue.Cards.FirstOrDefault(c => c.CardId == cardId);
    }

    /// <summary>Creates or replaces a card; one with a problem is refused whole.</summary>
    /// <exception cref="ArgumentException">The card has a problem (<see cref="TrainingCard.Problems"/>).</exception>
    public async Task SaveAsync(TrainingCard card, CancellationToken cancellationToken = default)
    {
        if (card.Problems().ToList() is { Count: > 0 } problems)
        {
            throw new ArgumentException($"Card '{card.Name}' cannot be saved: {string.Join("; ", problems)}.", nameof(card));
        }
        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = TableNames.TrainingCards, Item = ToItem(card) }, cancellationToken);
    }

    private static Dictionary<string, AttributeValue> ToItem(TrainingCard card) => new()
    {
        [KeyNames.CardId] = new() { S = card.CardId },
        [CardAttributes.Name] = new() { S = card.Name },
        [CardAttributes.Level] = Number(card.Level),
        [CardAttributes.WorkoutsPerWeek] = Number(card.WorkoutsPerWeek),
        [CardAttributes.DailyCapMinutes] = Number(card.DailyCapMinutes),
        [CardAttributes.Steps] = new()
        {
            L = [.. card.Steps.Select(step => new AttributeValue { M = new() { [CardAttributes.Machine] = new() { S = step.Machine }, [CardAttributes.Minutes] = Number(step.Minutes) } })],
        },
    };

    private static TrainingCard FromItem(Dictionary<string, AttributeValue> item) => new(
        item[KeyNames.CardId].S,
        item.GetValueOrDefault(CardAttributes.Name)?.S ?? "",
        Whole(item, CardAttributes.Level),
        Whole(item, CardAttributes.WorkoutsPerWeek),
        Whole(item, CardAttributes.DailyCapMinutes),
        [.. (item.GetValueOrDefault(CardAttributes.Steps)?.L ?? []).Select(step => new CardStep(step.M[CardAttributes.Machine].S, Whole(step.M, CardAttributes.Minutes)))]);

    private static AttributeValue Number(int value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };

    private static int Whole(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.N is { } n ? int.Parse(n, CultureInfo.InvariantCulture) : 0;
}
