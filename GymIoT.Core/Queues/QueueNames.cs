namespace GymIoT.Core.Queues;

/// <summary>
/// The SQS queues of GymIoT: one per machine type, <c>Errors</c> (bad sensor data) and <c>Coaching</c> (stored readings,
/// for the coach), each with a dead-letter queue.
/// </summary>
public static class QueueNames
{
    public const string Cyclette = "Cyclette";
    public const string TapisRoulant = "Tapis_roulant";
    public const string EllipticalBike = "Elliptical_bike";
    public const string SpinBike = "Spin_bike";
    public const string Errors = "Errors";
    public const string Coaching = "Coaching";

    public const string DeadLetterSuffix = "-dlq";

    /// <summary>Each dashboard's own queue of live notices is named this and a random suffix, and made at its start.</summary>
    public const string LivePrefix = "Live-";

    /// <summary>A message is moved to the dead-letter queue after this many receives.</summary>
    public const int MaxReceiveCount = 5;

    public static IReadOnlyList<string> Machines { get; } = [Cyclette, TapisRoulant, EllipticalBike, SpinBike];

    /// <summary>A machine as people read it: <c>Tapis_roulant</c> is "Tapis roulant".</summary>
    public static string DisplayName(string machine) => machine.Replace('_', ' ');

    public static IReadOnlyList<string> Sources { get; } = [.. Machines, Errors, Coaching];

    public static string DeadLetterOf(string queueName) => queueName + DeadLetterSuffix;

    /// <summary>Every queue, each followed by its dead-letter queue.</summary>
    public static IReadOnlyList<string> WithDeadLetters { get; } = [.. Sources.SelectMany(q => new[] { q, DeadLetterOf(q) })];
}
