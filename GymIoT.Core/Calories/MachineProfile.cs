using GymIoT.Core.Queues;

namespace GymIoT.Core.Calories;

/// <summary>How hard a machine works its user: the range of its metabolic equivalent (MET).</summary>
public sealed record MachineProfile(string Machine, double MinMet, double MaxMet)
{
    public static IReadOnlyList<MachineProfile> All { get; } =
    [
        new(QueueNames.Cyclette, 5.5, 7.0),
        new(QueueNames.TapisRoulant, 6.0, 9.8),
        new(QueueNames.EllipticalBike, 5.0, 6.5),
        new(QueueNames.SpinBike, 8.0, 10.5),
    ];

    /// <summary>The middle of the range: what a card expects of a workout on the machine.</summary>
    public double MidMet => (MinMet + MaxMet) / 2;

    public static MachineProfile Of(string machine) =>
        All.FirstOrDefault(p => p.Machine == machine) ?? throw new ArgumentException($"'{machine}' is not a machine of the gym.", nameof(machine));
}
