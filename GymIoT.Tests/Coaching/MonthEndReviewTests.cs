using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Coach;
using GymIoT.Core.Calories;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;
using GymIoT.Core.Time;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace GymIoT.Tests.Coaching;

/// <summary>The month-end review against the embedded DynamoDB: who moves down, and only once however often it runs.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class MonthEndReviewTests(PlatformFixture fixture) : IDisposable
{
    /// <summary>A month no other test trains in.</summary>
    private static readonly DateOnly Month = new(2031, 3, 1);
    private static readonly DateOnly NextMonth = Month.AddMonths(1);
    private static readonly GymCalendar Calendar = new(TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));

    private readonly IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2031, 4, 1, 0, 5, 0, TimeSpan.Zero));

    private MemberCards MemberCards => new(new TrainingCardStore(_dynamoDb), new CardAssignmentStore(_dynamoDb), new CardOfferStore(_dynamoDb), _clock);

    private MonthEndReview Review => new(new MemberStore(_dynamoDb), new MemberActivityReader(_dynamoDb),
        new TrainingCardStore(_dynamoDb), new CardAssignmentStore(_dynamoDb), new MonthReviewStore(_dynamoDb), Calendar, _clock);

    private static Member NewMember(string prefix) => new($"{prefix}-{Guid.NewGuid():N}"[..16], "Test", "Member", Sex.Female, new DateOnly(1990, 1, 1), 70, 170);

    private static double Threshold(TrainingCard card) => CardProgress.MonthlyThresholdKcal(card, 70, Month.Year, Month.Month);

    [Fact]
    public async Task A_stalled_member_moves_one_level_down_from_the_1st_exactly_once_however_often_and_concurrently_the_review_runs()
    {
        var member = NewMember("stall");
        var endurance = CardCatalogue.Cards[2];
        await MemberCards.AssignAsync(member.MemberId, endurance.CardId, Month.AddMonths(-1), AssignmentCause.Staff, "staff");
        // 60 % of the threshold, all of it in the first half of the month: the bar stood still over the last 14 days.
        await TrainedAsync(member.MemberId, Month.AddDays(2), (decimal)(Threshold(endurance) * 0.6), sessions: 9);
        var all = await new TrainingCardStore(_dynamoDb).AllAsync();

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Review.ReviewAsync(member, Month, all)));
        _clock.Advance(TimeSpan.FromHours(1));
        var again = await Review.ReviewAsync(member, Month, all);

        Assert.All(runs.Append(again), review => Assert.Equal((MonthVerdict.Stalled, 60, "foundation"), (review.Verdict, review.Percent, review.LevelDownCardId)));
        Assert.Single(runs.Append(again).Select(r => r.ReviewedAt).Distinct());
        var history = await new CardAssignmentStore(_dynamoDb).HistoryAsync(member.MemberId);
        var levelDown = Assert.Single(history, a => a.Cause == AssignmentCause.LevelDown);
        Assert.Equal((NextMonth, "foundation", Calendar.StartOfDay(NextMonth)), (levelDown.From, levelDown.CardId, levelDown.AssignedAt));
        Assert.Equal(endurance.CardId, (await MemberCards.OnAsync(member.MemberId, NextMonth.AddDays(-1))).Card.CardId);
        Assert.Equal("foundation", (await MemberCards.OnAsync(member.MemberId, NextMonth)).Card.CardId);

        // Staff change the card on the 1st after the review: their choice stands, however often the review runs again.
        await MemberCards.AssignAsync(member.MemberId, "athlete", NextMonth, AssignmentCause.Staff, "staff");
        await Review.ReviewAsync(member, Month, all);
        Assert.Equal("athlete", (await MemberCards.OnAsync(member.MemberId, NextMonth)).Card.CardId);
    }

    [Fact]
    public async Task A_member_who_reached_the_threshold_or_kept_going_stays_a_dipped_one_moves_down_and_level_one_is_the_floor()
    {
        var foundation = CardCatalogue.Cards[1];
        var reached = NewMember("reach");
        var onTrack = NewMember("track");
        var dipped = NewMember("dip");
        var idle = NewMember("idle");
        foreach (var member in new[] { reached, onTrack, dipped })
        {
            await MemberCards.AssignAsync(member.MemberId, foundation.CardId, Month.AddMonths(-1), AssignmentCause.Staff, "staff");
        }
        var threshold = (decimal)Threshold(foundation);
        await TrainedAsync(reached.MemberId, Month.AddDays(27), Math.Ceiling(threshold), sessions: 12);
        await TrainedAsync(onTrack.MemberId, Month.AddDays(27), threshold * 0.5m, sessions: 6);
        await TrainedAsync(dipped.MemberId, Month.AddMonths(-1).AddDays(10), threshold * 0.9m, sessions: 10);
        await TrainedAsync(dipped.MemberId, Month.AddDays(27), threshold * 0.5m, sessions: 6);
        var all = await new TrainingCardStore(_dynamoDb).AllAsync();

        var verdicts = await Task.WhenAll(new[] { reached, onTrack, dipped, idle }.Select(m => Review.ReviewAsync(m, Month, all)));

        Assert.Equal(
            [(MonthVerdict.Reached, null), (MonthVerdict.OnTrack, null), (MonthVerdict.Dipped, "starter"), (MonthVerdict.Stalled, (string?)null)],
            verdicts.Select(v => (v.Verdict, v.LevelDownCardId)));
        Assert.Equal(foundation.CardId, (await MemberCards.OnAsync(reached.MemberId, NextMonth)).Card.CardId);
        Assert.Equal("starter", (await MemberCards.OnAsync(dipped.MemberId, NextMonth)).Card.CardId);
        Assert.Equal(AssignmentCause.Default, (await MemberCards.OnAsync(idle.MemberId, NextMonth)).Assignment.Cause);
        Assert.Equal(verdicts[2], await new MonthReviewStore(_dynamoDb).FindAsync(dipped.MemberId, Month));
    }

    /// <summary>Writes the member's training as the aggregator keeps it: a day item and the month's item.</summary>
    private async Task TrainedAsync(string memberId, DateOnly day, decimal kcal, int sessions)
    {
        foreach (var period in new[] { GymCalendar.DayKey(day), GymCalendar.MonthKey(day) })
        {
            await _dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = TableNames.MemberActivity,
                Key = new() { [KeyNames.MemberId] = new() { S = memberId }, [KeyNames.Period] = new() { S = period } },
                UpdateExpression = "ADD #k :k, #s :s",
                ExpressionAttributeNames = new() { ["#k"] = ActivityAttributes.Kcal, ["#s"] = ActivityAttributes.Sessions },
                ExpressionAttributeValues = new()
                {
                    [":k"] = new() { N = kcal.ToString(CultureInfo.InvariantCulture) },
                    [":s"] = new() { N = sessions.ToString(CultureInfo.InvariantCulture) },
                },
            });
        }
    }

    public void Dispose() => _dynamoDb.Dispose();
}
