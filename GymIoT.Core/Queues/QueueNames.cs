namespace GymIoT.Core.Queues;

/// <summary>The SQS queues of GymIoT: one per machine type, plus <c>Errors</c>, each with a dead-letter queue.</summary>
public static class QueueNames
{
    public const string Cyclette = "Cyclette";
    public const string TapisRoulant = "Tapis_roulant";
    public const string EllipticalBike = "Elliptical_bike";
    public const string SpinBike = "Spin_bike";
    public const string Errors = "Errors";

    public const string DeadLetterSuffix = "-dlq";

    /// <summary>A message is moved to the dead-letter queue after this many receives.</summary>
    public const int MaxReceiveCount = 5;

    public static IReadOnlyList<string> Machines { get; } = [Cyclette, TapisRoulant, EllipticalBike, SpinBike];

    public static IReadOnlyList<string> Sources { get; } = [.. Machines, Errors];

    public static string DeadLetterOf(string queueName) => queueName + DeadLetterSuffix;
}
