using GymIoT.Core.Queues;
using GymIoT.Core.Machines;

namespace GymIoT.Core.Coaching;

/// <summary>The cards GymIoT ships with: one per level, each a little longer, harder and more frequent than the one below.</summary>
public static class CardCatalogue
{
    public static IReadOnlyList<TrainingCard> Cards { get; } =
    [
        new("starter", "Starter", 1, 2, 60, [new(MachineCatalogue.Cyclette.Name, 15), new(MachineCatalogue.EllipticalBike.Name, 15)]),
        new("foundation", "Foundation", 2, 3, 75, [new(MachineCatalogue.Cyclette.Name, 15), new(MachineCatalogue.TapisRoulant.Name, 15), new(MachineCatalogue.EllipticalBike.Name, 15)]),
        new("endurance", "Endurance", 3, 3, 90, [new(MachineCatalogue.TapisRoulant.Name, 20), new(MachineCatalogue.Cyclette.Name, 20), new(MachineCatalogue.EllipticalBike.Name, 20)]),
        new("performance", "Performance", 4, 4, 100, [new(MachineCatalogue.TapisRoulant.Name, 20), new(MachineCatalogue.SpinBike.Name, 20), new(MachineCatalogue.Cyclette.Name, 15), new(MachineCatalogue.EllipticalBike.Name, 15)]),
        new("athlete", "Athlete", 5, 5, 120, [new(MachineCatalogue.SpinBike.Name, 25), new(MachineCatalogue.TapisRoulant.Name, 25), new(MachineCatalogue.Cyclette.Name, 20), new(MachineCatalogue.EllipticalBike.Name, 15)]),
    ];

    /// <summary>The card a member starts on.</summary>
    public static TrainingCard Starter => Cards[0];
}
