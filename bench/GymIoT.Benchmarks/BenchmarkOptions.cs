namespace GymIoT.Benchmarks;

/// <summary>
/// Command-line settings: <c>--readings 50000 --members 1000 --ceiling-ops 20000 --concurrency 32 --steady-rate 100
/// --steady-seconds 30 --trace-every 10 --renders 500 --history-days 730 --idle-seconds 60 --traced-readings 200</c> (one
/// reading in that many is traced for the latency figures), and <c>--only pipeline</c>, <c>--only member-home</c> or
/// <c>--only traces</c> to run one part. Live member pages: <c>--only live-pages --pages 100 --more-pages 500 --page-rate 200
/// --page-seconds 30 --page-every 10</c> (seconds between two readings of one open page's member). The soak runs only when
/// asked for, with <c>--with-soak</c> (every part, the soak last: every goal's figure from one run) or <c>--only soak --soak-minutes 30 --soak-rate 200 --soak-bad-percent 2 --soak-window-minutes 5
/// --soak-members 5000 --soak-devices 100</c> (devices per machine type). <c>--quick</c> runs every part but the soak at a
/// small size (<see cref="Quick"/>), in under three minutes here, to compare its ratios with <c>bench/README.md</c>; a
/// setting given beside it still wins. <c>--aggregator NAME=VALUE</c> (repeatable; likewise <c>--coach</c>,
/// <c>--error-notifier</c>, <c>--dashboard</c>) sets an environment variable of that service, e.g.
/// <c>Aggregator__MaxBatchReadings=1000</c> or <c>DOTNET_GCConserveMemory=7</c>, to measure a setting before it is made
/// the default.
/// </summary>
public sealed record BenchmarkOptions(
    int Readings, int Members, int CeilingOperations, int Concurrency, int SteadyRate, int SteadySeconds, int TraceEvery, int Renders, int HistoryDays,
    int IdleSeconds, int TracedReadings, int SoakMinutes, int SoakRate, int SoakBadPercent, int SoakWindowMinutes, int SoakMembers, int SoakDevices,
    int Pages, int MorePages, int PageRate, int PageSeconds, int PageEvery, string Only, bool WithSoak)
{
    public bool Runs(string part) => Only == part || (Only is "all" && (part is not "soak" || WithSoak));

    /// <summary>The sizes of <c>--quick</c>: each part long enough for its ratios, short enough for a first look.</summary>
    public static IReadOnlyDictionary<string, int> Quick { get; } = new Dictionary<string, int>
    {
        ["readings"] = 5_000,
        ["members"] = 200,
        ["ceiling-ops"] = 3_000,
        ["steady-seconds"] = 10,
        ["renders"] = 50,
        ["history-days"] = 90,
        ["idle-seconds"] = 15,
        ["traced-readings"] = 30,
        ["pages"] = 20,
        ["more-pages"] = 0,
        ["page-rate"] = 100,
        ["page-seconds"] = 10,
    };

    public static BenchmarkOptions Parse(string[] args)
    {
        var quick = args.Contains("--quick");
        int Value(string name, int fallback)
        {
            var index = Array.IndexOf(args, "--" + name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1])
                : quick && Quick.TryGetValue(name, out var small) ? small : fallback;
        }
        return new BenchmarkOptions(
            Readings: Value("readings", 50_000),
            Members: Value("members", 1000),
            CeilingOperations: Value("ceiling-ops", 20_000),
            Concurrency: Value("concurrency", 32),
            SteadyRate: Value("steady-rate", 100),
            SteadySeconds: Value("steady-seconds", 30),
            TraceEvery: Value("trace-every", 10),
            Renders: Value("renders", 500),
            HistoryDays: Value("history-days", 730),
            IdleSeconds: Value("idle-seconds", 60),
            TracedReadings: Value("traced-readings", 200),
            SoakMinutes: Value("soak-minutes", 30),
            SoakRate: Value("soak-rate", 200),
            SoakBadPercent: Value("soak-bad-percent", 2),
            SoakWindowMinutes: Value("soak-window-minutes", 5),
            SoakMembers: Value("soak-members", 5000),
            SoakDevices: Value("soak-devices", 100),
            Pages: Value("pages", 100),
            MorePages: Value("more-pages", 500),
            PageRate: Value("page-rate", 200),
            PageSeconds: Value("page-seconds", 30),
            PageEvery: Value("page-every", 10),
            Only: Array.IndexOf(args, "--only") is var only and >= 0 && only + 1 < args.Length ? args[only + 1] : "all",
            WithSoak: args.Contains("--with-soak"));
    }

    /// <summary>
    /// The services' environment variables given with <c>--SERVICE NAME=VALUE</c>, SERVICE one of
    /// <see cref="BenchmarkBackend.Services"/>, e.g. <c>--aggregator Aggregator__MaxBatchReadings=1000</c>.
    /// </summary>
    public static IReadOnlyList<(string Service, string Name, string Value)> ServiceEnvironment(string[] args) =>
        [.. args.Select((arg, i) => (arg, i))
            .Where(a => a.arg.StartsWith("--", StringComparison.Ordinal) && BenchmarkBackend.Services.Contains(a.arg[2..]) && a.i + 1 < args.Length)
            .Select(a => args[a.i + 1].Split('=', 2) is [var name, var value] && name.Length > 0
                ? (a.arg[2..], name, value)
                : throw new ArgumentException($"{a.arg} takes NAME=VALUE, not '{args[a.i + 1]}'."))];
}
