using GymIoT.Core.Coaching;
using GymIoT.Core.Queues;
using GymIoT.Tests.Infrastructure;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Coaching;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class TrainingCardTests
{
    private static readonly TrainingCard Starter = CardCatalogue.Starter;

    [Fact]
    public void The_catalogue_has_one_sound_card_per_level_and_members_start_on_level_one()
    {
        Assert.Equal([1, 2, 3, 4, 5], CardCatalogue.Cards.Select(c => c.Level));
        Assert.All(CardCatalogue.Cards, card => Assert.Empty(card.Problems()));
        Assert.Equal(1, CardCatalogue.Starter.Level);
        Assert.Equal(CardCatalogue.Cards.Count, CardCatalogue.Cards.Select(c => c.CardId).Distinct().Count());
    }

    [Fact]
    public void A_card_with_a_machine_twice_an_unknown_machine_or_a_cap_below_its_workout_is_refused_with_each_reason()
    {
        var card = new TrainingCard("bad", "Bad", 6, 0, 20,
            [new(MachineCatalogue.Cyclette.Name, 15), new("Rowing", 10), new(MachineCatalogue.Cyclette.Name, 0)]);

        var problems = card.Problems().ToList();

        Assert.Contains("level 6 is not 1–5", problems);
        Assert.Contains("0 workouts a week is not 1–7", problems);
        Assert.Contains("'Rowing' is not a machine of the gym", problems);
        Assert.Contains("the Cyclette step has 0 minutes, not 1–240", problems);
        Assert.Contains("Cyclette comes 2 times", problems);
        Assert.Contains("the daily cap of 20 minutes is below the workout's 25", problems);
    }

    [Fact]
    public void A_workouts_kcal_is_each_steps_minutes_at_the_middle_of_its_machines_MET_range()
    {
        // Cyclette 5.5–7.0 → 6.25 and Elliptical bike 5.0–6.5 → 5.75, 15 minutes each, for 70 kg: MET × 3.5 × 70 / 200 × 15.
        Assert.Equal(6.25 * 3.5 * 70 / 200 * 15 + 5.75 * 3.5 * 70 / 200 * 15, CardProgress.KcalPerWorkout(Starter, 70), 9);
    }

    [Theory]
    [InlineData(2026, 11, 30)]
    [InlineData(2026, 2, 28)]
    [InlineData(2028, 2, 29)]
    public void The_monthly_threshold_is_a_workout_times_workouts_a_week_times_the_months_weeks(int year, int month, int days)
    {
        var expected = CardProgress.KcalPerWorkout(Starter, 70) * Starter.WorkoutsPerWeek * days / 7;

        Assert.Equal(expected, CardProgress.MonthlyThresholdKcal(Starter, 70, year, month), 9);
    }

    [Fact]
    public void A_step_done_exactly_on_time_is_done_and_the_next_step_is_the_first_still_short()
    {
        var card = CardCatalogue.Cards[1];
        var first = card.Steps[0];
        var second = card.Steps[1];

        var steps = CardProgress.StepsToday(card, new Dictionary<string, double> { [first.Machine] = first.Minutes, [second.Machine] = second.Minutes - 0.5, ["Spin_bike"] = 40 });

        Assert.True(steps[0].IsDone);
        Assert.False(steps[1].IsDone);
        Assert.Equal(second, steps.First(s => !s.IsDone).Step);
        Assert.Equal(second.Minutes - 0.5, steps[1].MinutesDone);
        Assert.DoesNotContain(steps, s => s.Step.Machine == "Spin_bike");
    }

    [Fact]
    public void With_no_training_today_the_first_step_is_next()
    {
        var steps = CardProgress.StepsToday(Starter, new Dictionary<string, double>());

        Assert.All(steps, s => Assert.Equal(0, s.MinutesDone));
        Assert.Equal(Starter.Steps[0], steps.First(s => !s.IsDone).Step);
    }

    [Fact]
    public void The_next_level_is_the_catalogues_card_one_level_up_before_a_staff_card_of_that_level_and_none_above_the_top()
    {
        var staffCard = new TrainingCard("card-aaaa", "A staff card", 2, 2, 60, [new(MachineCatalogue.Cyclette.Name, 30)]);
        List<TrainingCard> all = [staffCard, .. CardCatalogue.Cards];

        Assert.Equal("foundation", MemberCards.NextLevel(Starter, all)!.CardId);
        Assert.Equal("card-aaaa", MemberCards.NextLevel(Starter, [Starter, staffCard])!.CardId);
        Assert.Null(MemberCards.NextLevel(CardCatalogue.Cards[^1], all));
    }
}
