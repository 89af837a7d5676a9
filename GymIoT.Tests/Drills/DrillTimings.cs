namespace GymIoT.Tests.Drills;

/// <summary>How long the drills wait, and the members they make up.</summary>
public static class DrillTimings
{
    /// <summary>How long the aggregates may take to show every reading once the machine queues are empty.</summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(2);

    /// <summary>How long the aggregator may take nothing from the machine queues before a drill calls it stalled.</summary>
    public static readonly TimeSpan Stall = TimeSpan.FromSeconds(45);

    /// <summary>How long a drill waits in all for the machine queues to drain.</summary>
    public static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(5);

    /// <summary>New member ids for one drill, e.g. <c>kill-1a2b3c4d-1</c>.</summary>
    public static string[] NewMembers(string drill, int count) =>
        [.. Enumerable.Range(1, count).Select(i => $"{drill}-{Guid.NewGuid():N}"[..(drill.Length + 9)] + $"-{i}")];
}
