namespace GymIoT.Core.Hosting;

/// <summary>The process environment every GymIoT service runs with, wherever it is launched: the AppHost and the deploy stack.</summary>
public static class ServiceProcess
{
    /// <summary>
    /// glibc gives each thread that contends for <c>malloc</c> an arena of its own, up to eight per core, and keeps what
    /// they free; a service's native heap then grows with its threads (HTTP, TLS, the AWS SDK). With two arenas the coach's
    /// and the notifier's anonymous memory stayed flat through a 30-minute soak, 17 and 27 MB under the same soak's without
    /// on average (RELIABILITY.md, Soak).
    /// </summary>
    public static IReadOnlyDictionary<string, string> Environment { get; } = new Dictionary<string, string>
    {
        ["MALLOC_ARENA_MAX"] = "2",
    };
}
