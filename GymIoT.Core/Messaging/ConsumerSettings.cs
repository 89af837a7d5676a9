namespace GymIoT.Core.Messaging;

/// <summary>
/// How a service consumes its queues: how long a poll waits for messages, and how long what it receives stays invisible to
/// other receivers (kept so while held). The defaults of the latter are the queues' own (<c>QueueSettings</c>).
/// </summary>
public sealed record ConsumerSettings(int WaitTimeSeconds, int VisibilityTimeoutSeconds)
{
    public TimeSpan Visibility => TimeSpan.FromSeconds(VisibilityTimeoutSeconds);
}
