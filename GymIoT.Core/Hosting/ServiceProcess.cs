using GymIoT.Core.Aws;

namespace GymIoT.Core.Hosting;

/// <summary>The process environment each GymIoT service runs with, wherever it is launched: the AppHost and the deploy stack.</summary>
public static class ServiceProcess
{
    /// <summary>
    /// glibc gives each thread that contends for <c>malloc</c> an arena of its own, up to eight per core, and keeps what
    /// they free; a service's native heap then grows with its threads (HTTP, TLS, the AWS SDK). With two arenas the coach's
    /// and the notifier's anonymous memory stayed flat through a 30-minute soak, 17 and 27 MB under the same soak's without
    /// on average (RELIABILITY.md, Soak).
    /// <para>
    /// The JIT takes its working memory from <c>malloc</c> in blocks of 64 KB and frees it once a method is compiled.
    /// glibc serves blocks that size from its heaps and keeps them resident once freed: in a soak the dashboard's native
    /// memory rose by 5–10 MB at a time as its rarely run methods tiered up, and <c>malloc_trim</c> gave 15 MB of it back.
    /// With blocks from 64 KB up mapped on their own and unmapped when freed, each service's native memory was 8–13 MB
    /// through a soak's windows (10–20 MB at its end) against 17–32 MB, and its RSS about 10 MB lower (bench/README.md,
    /// "The services' native memory").
    /// </para>
    /// <para>
    /// A method is compiled again, optimized, once called 1,000 times, not 30: what a service runs at its start or now
    /// and then stays as first compiled, and only what the load makes hot is recompiled. In a 4-minute soak the four
    /// services' JIT took 12 s of CPU in the first minute of load against 34 s, at the same CPU per reading after it
    /// (bench/notes/2026-12-04-the-services-warm-up-the-jit-on-two-shared-cores.md).
    /// </para>
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> EveryService = new Dictionary<string, string>
    {
        ["MALLOC_ARENA_MAX"] = "2",
        ["MALLOC_MMAP_THRESHOLD_"] = "65536",
        ["DOTNET_TC_CallCountThreshold"] = "1000",
    };

    /// <summary>
    /// The aggregator's young generation is collected every 4 MB allocated, not every 13 MB or so (the budget the GC
    /// derives from this machine's L3 cache: 200 MB of small objects took 15 collections, and 61 with this setting). In a
    /// 50,000-reading burst its peak RSS was 175 and 179 MB against 187 and 194 MB in the runs between, at 490 and 457
    /// readings/s against 534 and 493, within the runs' spread (bench/README.md). An environment variable: the runtime
    /// ignores this setting in runtimeconfig.json.
    /// </summary>
    private static readonly IReadOnlyDictionary<string, string> Aggregator = new Dictionary<string, string>(EveryService)
    {
        ["DOTNET_GCgen0size"] = "0x400000",
    };

    /// <summary>The environment of the service the AppHost and the deploy stack name <paramref name="resource"/>.</summary>
    public static IReadOnlyDictionary<string, string> EnvironmentOf(string resource) =>
        resource == ServiceAccess.Aggregator.Resource ? Aggregator : EveryService;
}
