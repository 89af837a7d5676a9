using GymIoT.Core.Coaching;
using GymIoT.Core.Queues;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Coaching;

/// <summary>The cards and who is on which, against the embedded DynamoDB.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class CardStoreTests(PlatformFixture fixture) : IDisposable
{
    private static readonly DateOnly Today = new(2026, 12, 1);
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    private TrainingCardStore Cards => new(_dynamoDb);

    private MemberCards MemberCards => new(Cards, new CardAssignmentStore(_dynamoDb), new CardOfferStore(_dynamoDb), _clock);

    [Fact]
    public async Task Staff_cards_are_stored_beside_the_catalogue_and_a_card_with_a_problem_is_refused_whole()
    {
        var id = $"card-{Guid.NewGuid():N}"[..13];
        var card = new TrainingCard(id, "Morning mix", 2, 3, 45, [new(MachineCatalogue.SpinBike.Name, 10), new(MachineCatalogue.Cyclette.Name, 20)]);

        await Cards.SaveAsync(card);
        await Cards.SaveAsync(card with { Name = "Morning mix 2" });
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => Cards.SaveAsync(card with { Name = "Broken", Steps = [new(MachineCatalogue.SpinBike.Name, 10), new(MachineCatalogue.SpinBike.Name, 5)] }));

        Assert.Contains("Spin_bike comes 2 times", refused.Message);
        var stored = await Cards.FindAsync(id);
        Assert.Equal("Morning mix 2", stored!.Name);
        Assert.Equal(card.Steps, stored.Steps);
        var all = await Cards.AllAsync();
        Assert.Contains(all, c => c.CardId == id);
        Assert.All(CardCatalogue.Cards, catalogue => Assert.Contains(all, c => c.CardId == catalogue.CardId));
        Assert.Equal(all.OrderBy(c => c.Level).Select(c => c.Level), all.Select(c => c.Level));
        Assert.Null(await Cards.FindAsync("no-such-card"));
    }

    [Fact]
    public async Task A_members_card_is_the_starter_until_assigned_and_an_assignment_applies_from_its_day()
    {
        var member = $"cards-{Guid.NewGuid():N}"[..16];

        var before = await MemberCards.OnAsync(member, Today);
        await MemberCards.AssignAsync(member, "endurance", Today, AssignmentCause.Staff, "staff");
        _clock.Advance(TimeSpan.FromMinutes(5));
        await MemberCards.AssignAsync(member, "performance", Today.AddDays(1), AssignmentCause.AcceptedOffer, member);
        var unknown = await Assert.ThrowsAsync<ArgumentException>(() => MemberCards.AssignAsync(member, "no-such-card", Today, AssignmentCause.Staff, "staff"));

        Assert.Equal((CardCatalogue.Starter.CardId, AssignmentCause.Default), (before.Card.CardId, before.Assignment.Cause));
        Assert.Contains("no-such-card", unknown.Message);
        Assert.Equal("endurance", (await MemberCards.OnAsync(member, Today)).Card.CardId);
        var tomorrow = await MemberCards.OnAsync(member, Today.AddDays(1));
        Assert.Equal(("performance", AssignmentCause.AcceptedOffer, member), (tomorrow.Card.CardId, tomorrow.Assignment.Cause, tomorrow.Assignment.By));
        Assert.Equal(CardCatalogue.Starter.CardId, (await MemberCards.OnAsync(member, Today.AddDays(-1))).Card.CardId);
        var history = await new CardAssignmentStore(_dynamoDb).HistoryAsync(member);
        Assert.Equal(["performance", "endurance"], history.Select(a => a.CardId));
    }

    [Fact]
    public async Task The_next_level_is_offered_from_the_threshold_until_answered_and_an_accepted_card_applies_from_tomorrow()
    {
        var member = $"offer-{Guid.NewGuid():N}"[..16];
        var starter = CardCatalogue.Starter;

        var below = await MemberCards.OfferAsync(member, starter, 999.9m, 1000, Today);
        var offered = await MemberCards.OfferAsync(member, starter, 1000m, 1000, Today);
        await MemberCards.AcceptAsync(member, offered!, Today);
        var kept = await new CardOfferStore(_dynamoDb).DecideAsync(member, Today, OfferDecision.Kept, offered!.CardId, _clock.GetUtcNow());

        Assert.Null(below);
        Assert.Equal(2, offered.Level);
        Assert.Equal(OfferDecision.Accepted, kept);
        Assert.Null(await MemberCards.OfferAsync(member, starter, 2000m, 1000, Today));
        Assert.Equal(starter.CardId, (await MemberCards.OnAsync(member, Today)).Card.CardId);
        var tomorrow = await MemberCards.OnAsync(member, Today.AddDays(1));
        Assert.Equal((offered.CardId, AssignmentCause.AcceptedOffer), (tomorrow.Card.CardId, tomorrow.Assignment.Cause));
        // A new month, a new offer; the top level has none.
        Assert.NotNull(await MemberCards.OfferAsync(member, tomorrow.Card, 5000m, 1000, Today.AddMonths(1)));
        Assert.Null(await MemberCards.OfferAsync(member, CardCatalogue.Cards[^1], 5000m, 1000, Today.AddMonths(1)));
    }

    public void Dispose() => _dynamoDb.Dispose();
}
