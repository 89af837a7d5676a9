using GymIoT.Core.Machines;

namespace GymIoT.Core.Queues;

/// <summary>
/// The SQS queues of GymIoT: one per machine type (<see cref="MachineCatalogue"/>), <c>Errors</c> (bad sensor data) and <c>Coaching</c> (stored readings,
/// for the coach), each with a dead-letter queue.
/// </summary>
public static class QueueNames
{
    public const string Errors = "Errors";
    public const string Coaching = "Coaching";

    public const string DeadLetterSuffix = "-dlq";

    /// <summary>Each dashboard's own queue of live notices is named this and a random suffix, and made at its start.</summary>
    public const string LivePrefix = "Live-";

    /// <summary>A message is moved to the dead-letter queue after this many receives.</summary>
    public const int MaxReceiveCount = 5;

    /// <summary>The machines' queues, one per machine of <see cref="MachineCatalogue"/>.</summary>
    public static IReadOnlyList<string> Machines { get; } = [.. MachineCatalogue.All.Select(m => m.QueueName)];

    public static IReadOnlyList<string> Sources { get; } = [.. Machines, Errors, Coaching];

    public static string DeadLetterOf(string queueName) => queueName + DeadLetterSuffix;

    /// <summary>Every queue, each followed by its dead-letter queue.</summary>
    public static IReadOnlyList<string> WithDeadLetters { get; } = [.. Sources.SelectMany(q => new[] { q, DeadLetterOf(q) })];
}
