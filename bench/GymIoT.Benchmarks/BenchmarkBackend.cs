using System.Diagnostics;
using System.Globalization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using GymIoT.Core.Aws;
using GymIoT.Core.Messaging;
using GymIoT.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.Benchmarks;

/// <summary>
/// GymIoT's AppHost on the embedded backend (dynalite on disk, as in a normal run), without the simulator, exporting
/// telemetry here; the notifier emails maildev and calls a stand-in for the IFTTT webhook.
/// </summary>
public sealed class BenchmarkBackend : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("gymiot-bench-").FullName;

    private BenchmarkBackend(OtlpReceiver telemetry) => Telemetry = telemetry;

    public FakeWebhook Webhook { get; } = new();

    public OtlpReceiver Telemetry { get; }

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>The services that export telemetry to the benchmark.</summary>
    public static readonly string[] Services = ["aggregator", "coach", "error-notifier", "dashboard"];

    /// <summary>Every process of the system the benchmark starts: the services and the emulators they use.</summary>
    public static readonly string[] Processes = [.. Services, "sqs", "dynamodb", "maildev"];

    private const double ClockTicksPerSecond = 100; // USER_HZ on Linux

    public AwsSettings Aws => new(AwsSettings.DefaultRegion, App.GetEndpoint("sqs", "http"), App.GetEndpoint("dynamodb", "http"), "test", "test");

    /// <param name="serviceEnvironment">Environment variables for the services, beside the app's own (<c>--aggregator</c>, <c>--coach</c>…).</param>
    public static async Task<BenchmarkBackend> StartAsync(IReadOnlyList<(string Service, string Name, string Value)> serviceEnvironment)
    {
        var backend = new BenchmarkBackend(new OtlpReceiver());
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.GymIoT_AppHost>(
        [
            "--Aws:Backend=Embedded",
            "--Emulators:Ports=Random",
            $"--Emulators:DataDirectory={backend._dataDirectory}",
            "--GymIoT:Simulator=false",
            "--DcpPublisher:WaitForResourceCleanup=false",
            "--Parameters:ifttt-key=benchmark",
            "--Logging:LogLevel:GymIoT.AppHost.Resources=Warning",
            $"--Ifttt:BaseUrl={backend.Webhook.BaseUrl}",
        ]);
        IResourceBuilder<ProjectResource> Service(string name) => appHost.CreateResourceBuilder(appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == name));
        foreach (var service in Services)
        {
            Service(service)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", backend.Telemetry.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_BSP_MAX_QUEUE_SIZE", "262144")
                .WithEnvironment("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "4096")
                .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "1000")
                .WithEnvironment("Logging__LogLevel__Default", "Warning");
        }
        foreach (var (service, name, value) in serviceEnvironment)
        {
            Service(service).WithEnvironment(name, value);
        }
        // The benchmark signs up and logs in hundreds of members from one address.
        Service("dashboard")
            .WithEnvironment("AccountLimits__SignUpsPerMinute", "10000")
            .WithEnvironment("AccountLimits__SignUpsPerHour", "1000000")
            .WithEnvironment("AccountLimits__LoginsPerMinute", "10000");
        backend.App = await appHost.BuildAsync();
        await backend.App.StartAsync();
        foreach (var resource in Processes)
        {
            await backend.App.WaitForHealthyAsync(resource);
        }
        return backend;
    }

    public Task StopAsync(string resource) => App.StopResourceAsync(resource);

    public Task StartAsync(string resource) => App.StartResourceAsync(resource);

    /// <summary>The messages of each queue and dead-letter queue that holds any, waiting or in hand (as SQS reports them).</summary>
    public async Task<IReadOnlyDictionary<string, int>> MessagesLeftAsync()
    {
        using var sqs = Aws.CreateSqsClient();
        var depths = await new QueueDepths(sqs, new QueueDirectory(sqs)).ReadAsync();
        return depths.Where(d => d.Waiting + d.InFlight > 0).ToDictionary(d => d.Queue, d => d.Waiting + d.InFlight);
    }

    /// <summary>Waits until no queue holds a message, or the time is up; how long it waited and what is left.</summary>
    public async Task<(TimeSpan Waited, IReadOnlyDictionary<string, int> Left)> UntilQueuesEmptyAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var left = await MessagesLeftAsync();
        while (left.Count > 0 && clock.Elapsed < timeout)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            left = await MessagesLeftAsync();
        }
        return (clock.Elapsed, left);
    }

    /// <summary>"Coaching 1,204, Errors 3", or "none".</summary>
    public static string DescribeMessagesLeft(IReadOnlyDictionary<string, int> left) =>
        left.Count == 0 ? "none" : string.Join(", ", left.Select(q => $"{q.Key} {q.Value:N0}"));

    /// <summary>Peak resident memory of a process so far (VmHWM), in MB.</summary>
    public static double PeakRssMegabytes(int pid) => StatusFields(pid)["VmHWM"] / 1024;

    /// <summary>Resident memory of a process now (VmRSS), in MB.</summary>
    public static double RssMegabytes(int pid) => StatusFields(pid)["VmRSS"] / 1024;

    /// <summary>User and system CPU a process has used, in seconds (<c>/proc/PID/stat</c> fields 14 and 15).</summary>
    public static double CpuSeconds(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11]) + long.Parse(fields[12])) / ClockTicksPerSecond;
    }

    /// <summary>
    /// The CPU seconds every running process of the system has used so far (a stopped service has none), the
    /// benchmark's own, the whole machine's (<see cref="Machine"/>: the orchestrator, the AppHost and the kernel too), and
    /// the seconds cores sat idle waiting on the disk (<see cref="IoWait"/>).
    /// </summary>
    public IReadOnlyDictionary<string, double> CpuSecondsByProcess()
    {
        var cpu = Processes.Select(p => (Process: p, Pid: App.ProcessIdOf(p)))
            .Where(p => File.Exists($"/proc/{p.Pid}/stat"))
            .ToDictionary(p => p.Process, p => CpuSeconds(p.Pid));
        cpu["benchmark"] = CpuSeconds(Environment.ProcessId);
        var machine = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1..].Select(long.Parse).ToArray();
        // user, nice, system, idle, iowait, irq, softirq, steal
        cpu[Machine] = (machine[0] + machine[1] + machine[2] + machine[5] + machine[6] + machine[7]) / ClockTicksPerSecond;
        cpu[IoWait] = machine[4] / ClockTicksPerSecond;
        return cpu;
    }

    /// <summary>Every core's busy time (not idle, not waiting on I/O), from the first line of <c>/proc/stat</c>.</summary>
    public const string Machine = "machine";

    /// <summary>Every core's time idle with a disk request of its own outstanding (<c>/proc/stat</c>'s iowait).</summary>
    public const string IoWait = "io-wait";

    /// <summary>The cores each process took between two readings of <see cref="CpuSecondsByProcess"/>.</summary>
    public static Dictionary<string, double> Cores(IReadOnlyDictionary<string, double> before, IReadOnlyDictionary<string, double> after, double seconds) =>
        after.Where(p => before.ContainsKey(p.Key)).ToDictionary(p => p.Key, p => (p.Value - before[p.Key]) / seconds);

    /// <summary>"machine 1.90, dynamodb 0.52, aggregator 0.30, …": the busiest first.</summary>
    public static string DescribeCores(IReadOnlyDictionary<string, double> cores) =>
        string.Join(", ", cores.OrderByDescending(c => c.Value).Select(c => $"{c.Key} {c.Value:N2}"));

    /// <summary>The number each field of <c>/proc/PID/status</c> starts with (kB for sizes), by the field's name.</summary>
    public static IReadOnlyDictionary<string, double> StatusFields(int pid) =>
        File.ReadLines($"/proc/{pid}/status")
            .Select(line => line.Split([':', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
            .Where(parts => parts.Length > 1 && double.TryParse(parts[1], CultureInfo.InvariantCulture, out _))
            .ToDictionary(parts => parts[0], parts => double.Parse(parts[1], CultureInfo.InvariantCulture));

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Telemetry.Dispose();
        Webhook.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
