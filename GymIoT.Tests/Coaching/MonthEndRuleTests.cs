using GymIoT.Core.Coaching;
using GymIoT.Core.Time;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Coaching;

/// <summary>The month-end rule at its edges.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class MonthEndRuleTests
{
    private const double Threshold = 1000;

    [Fact]
    public void A_bar_at_exactly_100_percent_reached_the_threshold_whatever_its_last_days()
    {
        Assert.Equal(MonthVerdict.Reached, MonthEndRule.Judge(Threshold, 1000m, 12, 0m, 5000m));
        Assert.NotEqual(MonthVerdict.Reached, MonthEndRule.Judge(Threshold, 999.9m, 12, 500m, 0m));
    }

    [Fact]
    public void A_bar_that_gained_less_than_10_points_in_the_last_14_days_stalled_and_exactly_10_points_did_not()
    {
        Assert.Equal(MonthVerdict.Stalled, MonthEndRule.Judge(Threshold, 600m, 10, 99.9m, 0m));
        Assert.Equal(MonthVerdict.OnTrack, MonthEndRule.Judge(Threshold, 600m, 10, 100m, 0m));
    }

    [Fact]
    public void A_month_with_no_workout_stalled()
    {
        Assert.Equal(MonthVerdict.Stalled, MonthEndRule.Judge(Threshold, 0m, 0, 0m, 0m));
    }

    [Fact]
    public void A_month_below_80_percent_of_the_previous_one_dipped_and_exactly_80_percent_did_not()
    {
        Assert.Equal(MonthVerdict.Dipped, MonthEndRule.Judge(Threshold, 799.9m, 10, 300m, 1000m));
        Assert.Equal(MonthVerdict.OnTrack, MonthEndRule.Judge(Threshold, 800m, 10, 300m, 1000m));
        // No previous month to compare with: nothing dipped.
        Assert.Equal(MonthVerdict.OnTrack, MonthEndRule.Judge(Threshold, 100m, 2, 100m, 0m));
    }

    [Fact]
    public void Stalled_and_dipped_move_down_reached_and_on_track_do_not()
    {
        Assert.Equal([MonthVerdict.Stalled, MonthVerdict.Dipped], Enum.GetValues<MonthVerdict>().Where(MonthEndRule.MovesDown));
    }

    [Fact]
    public void The_level_below_is_the_catalogues_card_of_that_level_and_there_is_none_below_level_one()
    {
        var staffCard = new TrainingCard("staff-2", "Staff two", 2, 3, 60, CardCatalogue.Cards[1].Steps);
        IReadOnlyList<TrainingCard> all = [staffCard, .. CardCatalogue.Cards];

        Assert.Equal("foundation", MemberCards.LevelBelow(CardCatalogue.Cards[2], all)!.CardId);
        Assert.Equal("starter", MemberCards.LevelBelow(staffCard, all)!.CardId);
        Assert.Null(MemberCards.LevelBelow(CardCatalogue.Starter, all));
    }

    [Fact]
    public void A_day_starts_at_local_midnight_also_on_the_days_the_clocks_change()
    {
        var rome = new GymCalendar(TimeZoneInfo.FindSystemTimeZoneById("Europe/Rome"));

        Assert.Equal(new DateTimeOffset(2026, 11, 30, 23, 0, 0, TimeSpan.Zero), rome.StartOfDay(new DateOnly(2026, 12, 1)));
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero), rome.StartOfDay(new DateOnly(2026, 3, 29)));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero), rome.StartOfDay(new DateOnly(2026, 3, 30)));
        // A zone whose clocks skip midnight itself (Chile goes 00:00 → 01:00 in September): the day starts at 01:00.
        var chile = new GymCalendar(TimeZoneInfo.FindSystemTimeZoneById("America/Santiago"));
        Assert.Equal(new DateOnly(2026, 9, 6), chile.LocalDate(chile.StartOfDay(new DateOnly(2026, 9, 6))));
    }
}
