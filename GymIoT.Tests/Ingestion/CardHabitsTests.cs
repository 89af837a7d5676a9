using GymIoT.Core.Coaching;
using GymIoT.Core.Queues;
using GymIoT.DeviceSimulator.Gym;
using GymIoT.Tests.Infrastructure;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Ingestion;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class CardHabitsTests
{
    private static readonly DateOnly Day = new(2026, 12, 1);

    [Fact]
    public void Simulated_members_mostly_take_their_cards_next_step_for_about_its_minutes_and_rest_once_it_is_done()
    {
        var random = new Random(5);
        var sessions = Enumerable.Range(0, 1000).Select(i => new CardHabits().NextSession($"m-{i}", Day, random)).ToList();

        var onCard = sessions.Count(s => s.Machine == MachineCatalogue.Cyclette.Name && s.Minutes <= 15);
        var overstays = sessions.Count(s => s.Machine == MachineCatalogue.Cyclette.Name && s.Minutes > 15);
        var anyMachine = sessions.Count(s => s.Machine is null && s.Minutes is null);
        Assert.InRange(onCard, 700, 800);
        Assert.InRange(overstays, 70, 130);
        Assert.InRange(anyMachine, 120, 180);

        var habits = new CardHabits();
        habits.Record("m-1", Day, MachineCatalogue.Cyclette.Name, 15);
        Assert.Contains(Enumerable.Range(0, 50).Select(_ => habits.NextSession("m-1", Day, random).Machine), m => m == MachineCatalogue.EllipticalBike.Name);
        Assert.False(habits.IsDone("m-1", Day));
        habits.Record("m-1", Day, MachineCatalogue.EllipticalBike.Name, 15);
        Assert.True(habits.IsDone("m-1", Day));
        Assert.False(habits.IsDone("m-1", Day.AddDays(1)));
    }

    [Fact]
    public void A_member_trains_on_the_card_last_read_for_them()
    {
        var habits = new CardHabits();
        var endurance = CardCatalogue.Cards[2];
        habits.Know("m-2", endurance);
        var random = new Random(3);

        var firsts = Enumerable.Range(0, 100).Select(_ => habits.NextSession("m-2", Day, random).Machine).Where(m => m is not null).Distinct();

        Assert.Equal([endurance.Steps[0].Machine], firsts);
        foreach (var step in endurance.Steps)
        {
            habits.Record("m-2", Day, step.Machine, step.Minutes);
        }
        Assert.True(habits.IsDone("m-2", Day));
    }
}
