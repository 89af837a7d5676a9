using GymIoT.Core.Queues;

namespace GymIoT.Core.Coaching;

/// <summary>The cards GymIoT ships with: one per level, each a little longer, harder and more frequent than the one below.</summary>
public static class CardCatalogue
{
    public static IReadOnlyList<TrainingCard> Cards { get; } =
    [
        new("starter", "Starter", 1, 2, 60, [new(QueueNames.Cyclette, 15), new(QueueNames.EllipticalBike, 15)]),
        new("foundation", "Foundation", 2, 3, 75, [new(QueueNames.Cyclette, 15), new(QueueNames.TapisRoulant, 15), new(QueueNames.EllipticalBike, 15)]),
        new("endurance", "Endurance", 3, 3, 90, [new(QueueNames.TapisRoulant, 20), new(QueueNames.Cyclette, 20), new(QueueNames.EllipticalBike, 20)]),
        new("performance", "Performance", 4, 4, 100, [new(QueueNames.TapisRoulant, 20), new(QueueNames.SpinBike, 20), new(QueueNames.Cyclette, 15), new(QueueNames.EllipticalBike, 15)]),
        new("athlete", "Athlete", 5, 5, 120, [new(QueueNames.SpinBike, 25), new(QueueNames.TapisRoulant, 25), new(QueueNames.Cyclette, 20), new(QueueNames.EllipticalBike, 15)]),
    ];

    /// <summary>The card a member starts on.</summary>
    public static TrainingCard Starter => Cards[0];
}
