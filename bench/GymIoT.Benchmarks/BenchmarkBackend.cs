using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using GymIoT.Core.Aws;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.Benchmarks;

/// <summary>GymIoT's AppHost on the embedded backend (dynalite on disk, as in a normal run), without the simulator, exporting telemetry here.</summary>
public sealed class BenchmarkBackend : IAsyncDisposable
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("gymiot-bench-").FullName;

    private BenchmarkBackend(OtlpReceiver telemetry) => Telemetry = telemetry;

    public OtlpReceiver Telemetry { get; }

    public DistributedApplication App { get; private set; } = null!;

    public AwsSettings Aws => new(AwsSettings.DefaultRegion, App.GetEndpoint("sqs", "http"), App.GetEndpoint("dynamodb", "http"), "test", "test");

    public static async Task<BenchmarkBackend> StartAsync()
    {
        var backend = new BenchmarkBackend(new OtlpReceiver());
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.GymIoT_AppHost>(
        [
            "--Aws:Backend=Embedded",
            "--Emulators:Ports=Random",
            $"--Emulators:DataDirectory={backend._dataDirectory}",
            "--GymIoT:Simulator=false",
            "--DcpPublisher:WaitForResourceCleanup=false",
        ]);
        foreach (var service in new[] { "aggregator", "dashboard" })
        {
            appHost.CreateResourceBuilder(appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == service))
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", backend.Telemetry.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                .WithEnvironment("OTEL_BSP_MAX_QUEUE_SIZE", "262144")
                .WithEnvironment("OTEL_BSP_MAX_EXPORT_BATCH_SIZE", "4096")
                .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "1000")
                .WithEnvironment("Logging__LogLevel__Default", "Warning");
        }
        backend.App = await appHost.BuildAsync();
        await backend.App.StartAsync();
        foreach (var resource in new[] { "sqs", "dynamodb", "aggregator", "dashboard" })
        {
            await backend.App.ResourceNotifications.WaitForResourceHealthyAsync(resource);
        }
        return backend;
    }

    public Task StopAsync(string resource) => App.StopResourceAsync(resource);

    public Task StartAsync(string resource) => App.StartResourceAsync(resource);

    /// <summary>Peak resident memory of a process so far (VmHWM), in MB.</summary>
    public static double PeakRssMegabytes(int pid) =>
        File.ReadLines($"/proc/{pid}/status")
            .Where(line => line.StartsWith("VmHWM:", StringComparison.Ordinal))
            .Select(line => double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024)
            .Single();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        Telemetry.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
