using GymIoT.Core.Aws;
using GymIoT.Core.Coaching;
using GymIoT.Core.Machines;
using GymIoT.Core.Members;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.Dashboard.Home;
using GymIoT.Dashboard.Staff;
using GymIoT.DeviceSimulator;
using GymIoT.DeviceSimulator.Gym;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>
/// Adding a machine is one line in <see cref="MachineCatalogue"/>: everything a machine needs follows from it. The queues
/// and the deploy stack are checked by their own tests for every name in <see cref="QueueNames"/>.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class MachineCatalogueTests
{
    public static TheoryData<string> Machines => [.. MachineCatalogue.All.Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(Machines))]
    public void Every_machine_has_its_queue_and_dead_letter_queue_and_the_services_may_use_them(string name)
    {
        var machine = MachineCatalogue.Of(name);

        Assert.Contains(machine.QueueName, QueueNames.Machines);
        Assert.Contains(machine.QueueName, QueueNames.WithDeadLetters);
        Assert.Contains(machine.DeadLetterQueueName, QueueNames.WithDeadLetters);
        Assert.True(ServiceAccess.Aggregator.AllowsSqs("ReceiveMessage", machine.QueueName));
        Assert.True(ServiceAccess.DeviceSimulator.AllowsSqs("SendMessage", machine.QueueName));
        Assert.Contains(machine.QueueName, new GymIoT.Aggregator.AggregatorOptions().Queues);
    }

    [Theory]
    [MemberData(nameof(Machines))]
    public void Every_machine_has_a_calorie_profile_devices_a_card_step_and_a_row_on_the_members_pages(string name)
    {
        var machine = MachineCatalogue.Of(name);

        Assert.InRange(machine.MinMet, 1.0, machine.MaxMet);
        Assert.Contains(new SimulatedGym(new SimulatorOptions()).Devices, d => d.Machine == machine && d.DeviceId.StartsWith(machine.DeviceIdPrefix + "-", StringComparison.Ordinal));
        Assert.Equal([new CardStep(machine.Name, 10)], CardStepsText.Parse($"{machine.DisplayName} 10", out _));
        Assert.True(PeriodActivity.Empty("D#2026-12-08").Machines.ContainsKey(machine.Name));
        var member = new Member("catalogue", "C", "M", Core.Calories.Sex.Female, new DateOnly(1990, 1, 1), 60, 165);
        var home = MemberHome.From(new MemberHistory(new DateOnly(2026, 12, 8), [], []), member, CardCatalogue.Starter);
        Assert.Contains(machine.DisplayName, home.Charts.First().Categories);
    }

    [Fact]
    public void Machine_names_are_distinct_and_valid_queue_names()
    {
        Assert.Equal(MachineCatalogue.All.Count, MachineCatalogue.All.Select(m => m.Name).Distinct().Count());
        Assert.All(MachineCatalogue.All, m => AwsNameRules.EnsureValidQueueName(m.QueueName));
        Assert.Null(MachineCatalogue.Find("Rowing_machine"));
    }
}
