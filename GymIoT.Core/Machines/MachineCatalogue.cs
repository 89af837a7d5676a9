namespace GymIoT.Core.Machines;

/// <summary>
/// Every machine of the gym. Adding one is a line here: its queue and dead-letter queue (provisioner and deploy stack),
/// the aggregator's consumer, the simulator's devices, the cards' steps and the pages' rows all follow from this list
/// (<c>MachineCatalogueTests</c>).
/// </summary>
public static class MachineCatalogue
{
    public static Machine Cyclette { get; } = new("Cyclette", "Cyclette", 5.5, 7.0, FtmsMachineType.IndoorBike);

    public static Machine TapisRoulant { get; } = new("Tapis_roulant", "Tapis roulant", 6.0, 9.8, FtmsMachineType.Treadmill);

    public static Machine EllipticalBike { get; } = new("Elliptical_bike", "Elliptical bike", 5.0, 6.5, FtmsMachineType.CrossTrainer);

    public static Machine SpinBike { get; } = new("Spin_bike", "Spin bike", 8.0, 10.5, FtmsMachineType.IndoorBike);

    public static IReadOnlyList<Machine> All { get; } = [Cyclette, TapisRoulant, EllipticalBike, SpinBike];

    /// <summary>The machine a reading, queue or card names, or null when the gym has none of that name.</summary>
    public static Machine? Find(string? name) => All.FirstOrDefault(m => m.Name == name);

    public static Machine Of(string name) =>
        Find(name) ?? throw new ArgumentException($"'{name}' is not a machine of the gym.", nameof(name));
}
