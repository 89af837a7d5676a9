using GymIoT.Core.Queues;

namespace GymIoT.DeviceSimulator.Gym;

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

    /// <summary><c>Tapis_roulant</c> unit 1 is <c>tapis-roulant-01</c>.</summary>
    public string DeviceId(int unit) => $"{Machine.ToLowerInvariant().Replace('_', '-')}-{unit:00}";
}
