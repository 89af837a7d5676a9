using GymIoT.Coach;
using GymIoT.Core.Coaching;
using GymIoT.Core.Queues;
using GymIoT.Tests.Infrastructure;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Coaching;

/// <summary>The live alerts at their edges, on the starter card (Cyclette 15, Elliptical bike 15, cap 60).</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class AlertRulesTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);
    private static readonly DateTimeOffset Morning = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly TrainingCard Card = CardCatalogue.Starter;

    private static TrainingSession Session(string id, string machine, int startMinute, double minutes) =>
        new(id, machine, Morning.AddMinutes(startMinute), minutes);

    private static IReadOnlyList<CoachAlert> Alerts(IReadOnlyList<TrainingSession> day, TrainingSession session) =>
        AlertRules.For("m-1", Day, Card, day, session);

    [Fact]
    public void Steps_done_in_order_and_exactly_on_time_raise_nothing()
    {
        var cyclette = Session("r-1", MachineCatalogue.Cyclette.Name, 0, 15);
        var elliptical = Session("r-2", MachineCatalogue.EllipticalBike.Name, 20, 15);

        Assert.Empty(Alerts([cyclette], cyclette));
        Assert.Empty(Alerts([cyclette, elliptical], elliptical));
    }

    [Fact]
    public void A_session_on_another_machine_than_the_next_step_names_the_next_step()
    {
        var elliptical = Session("r-1", MachineCatalogue.EllipticalBike.Name, 0, 10);

        var alert = Assert.Single(Alerts([elliptical], elliptical));

        Assert.Equal(AlertKind.OutOfSequence, alert.Kind);
        Assert.Equal("2026-12-01#OutOfSequence#r-1", alert.AlertId);
        Assert.Contains("next is the Cyclette (15 min)", alert.Message);
    }

    [Fact]
    public void A_machine_the_card_does_not_have_is_out_of_sequence_and_counts_towards_the_cap_only()
    {
        var spin = Session("r-1", MachineCatalogue.SpinBike.Name, 0, 61);

        var alerts = Alerts([spin], spin);

        Assert.Equal([AlertKind.OutOfSequence, AlertKind.OverDailyCap], alerts.Select(a => a.Kind));
    }

    [Fact]
    public void A_minute_over_a_steps_time_is_over_time_once_per_machine_and_names_the_next_step()
    {
        var first = Session("r-1", MachineCatalogue.Cyclette.Name, 0, 15);
        var more = Session("r-2", MachineCatalogue.Cyclette.Name, 20, 1);
        var again = Session("r-3", MachineCatalogue.Cyclette.Name, 30, 5);

        var alerts = Alerts([first, more], more);
        var later = Alerts([first, more, again], again);

        var overTime = Assert.Single(alerts, a => a.Kind == AlertKind.OverTime);
        Assert.Contains("16 minutes on the Cyclette today, more than your card's 15: next is the Elliptical bike (15 min)", overTime.Message);
        Assert.Equal(overTime.AlertId, Assert.Single(later, a => a.Kind == AlertKind.OverTime).AlertId);
        Assert.Contains(alerts, a => a.Kind == AlertKind.OutOfSequence);
    }

    [Fact]
    public void Minutes_over_a_limit_by_less_than_one_say_so_instead_of_rounding_to_the_limit()
    {
        var cyclette = Session("r-1", MachineCatalogue.Cyclette.Name, 0, 15.4);
        var spin = Session("r-2", MachineCatalogue.SpinBike.Name, 20, 44.8);

        var alerts = Alerts([cyclette, spin], spin);
        var overTime = Alerts([cyclette], cyclette);

        Assert.Contains("15.4 minutes on the Cyclette today, more than your card's 15", Assert.Single(overTime, a => a.Kind == AlertKind.OverTime).Message);
        Assert.StartsWith("60.2 minutes today, more than your card's 60", Assert.Single(alerts, a => a.Kind == AlertKind.OverDailyCap).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_daily_cap_reached_exactly_raises_nothing_and_a_minute_more_advises_to_stop()
    {
        var cyclette = Session("r-1", MachineCatalogue.Cyclette.Name, 0, 15);
        var elliptical = Session("r-2", MachineCatalogue.EllipticalBike.Name, 20, 15);
        var spin = Session("r-3", MachineCatalogue.SpinBike.Name, 40, 30);
        var extra = Session("r-4", MachineCatalogue.SpinBike.Name, 80, 1);

        Assert.DoesNotContain(Alerts([cyclette, elliptical, spin], spin), a => a.Kind == AlertKind.OverDailyCap);
        var cap = Assert.Single(Alerts([cyclette, elliptical, spin, extra], extra), a => a.Kind == AlertKind.OverDailyCap);
        Assert.Equal("2026-12-01#OverDailyCap#", cap.AlertId);
        Assert.Contains("stop for today", cap.Message);
    }

    [Fact]
    public void A_session_after_the_card_is_done_says_the_card_was_done_for_today()
    {
        var cyclette = Session("r-1", MachineCatalogue.Cyclette.Name, 0, 15);
        var elliptical = Session("r-2", MachineCatalogue.EllipticalBike.Name, 20, 15);
        var tapis = Session("r-3", MachineCatalogue.TapisRoulant.Name, 40, 10);

        var alert = Assert.Single(Alerts([cyclette, elliptical, tapis], tapis));

        Assert.Contains("already done for today", alert.Message);
    }

    [Fact]
    public void The_step_due_counts_only_sessions_that_started_before_whatever_order_they_arrive_in()
    {
        var cyclette = Session("r-1", MachineCatalogue.Cyclette.Name, 0, 15);
        var elliptical = Session("r-2", MachineCatalogue.EllipticalBike.Name, 20, 15);

        // The later session known first, then both: the earlier one is never judged by the later one.
        Assert.Empty(Alerts([elliptical, cyclette], cyclette));
        Assert.Empty(Alerts([elliptical, cyclette], elliptical));
        Assert.Equal(Alerts([cyclette, elliptical], elliptical), Alerts([elliptical, cyclette], elliptical));
    }
}
