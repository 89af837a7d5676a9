using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using GymIoT.Core.Aws;
using GymIoT.DeviceSimulator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// The AppHost started once per test collection on the embedded backend, with random ports and a fresh data folder,
/// so it runs beside a developer's own AppHost. Starting costs seconds and disposing more: share it.
/// </summary>
public class EmbeddedAppFixture : IAsyncLifetime
{
    /// <summary>How long the app may take to start with every awaited resource healthy, on a machine the other collections load.</summary>
    protected virtual TimeSpan StartTimeout => TimeSpan.FromMinutes(3);

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("gymiot-tests-").FullName;

    public DistributedApplication App { get; private set; } = null!;

    /// <summary>
    /// Where every service exports its traces, metrics and logs. Without a live endpoint the services would export to the
    /// (disabled) dashboard's address and spend their shutdown retrying it, longer than the orchestrator waits for a stop.
    /// </summary>
    public OtlpReceiver Telemetry { get; } = new();

    /// <summary>The environment the AppHost runs in, and passes on to every service.</summary>
    protected virtual string EnvironmentName => Environments.Development;

    /// <summary>Extra settings for the AppHost, e.g. <c>GymIoT:Simulator=false</c>.</summary>
    protected virtual IEnumerable<string> Settings => [];

    /// <summary>Services stopped once the app has started, so the tests own what they would consume.</summary>
    protected virtual IEnumerable<string> StoppedServices => [];

    /// <summary>Services the collection never uses: not started at all, so they take neither messages nor the machine's cores.</summary>
    protected virtual IEnumerable<string> UnstartedServices => [];

    /// <summary>Resources that must be healthy before the tests run.</summary>
    protected virtual IEnumerable<string> AwaitedResources => ["sqs", "dynamodb", "dynamodb-admin", "maildev"];

    public virtual async Task InitializeAsync()
    {
        using var cancellation = new CancellationTokenSource(StartTimeout);
        string[] args =
        [
            "--Aws:Backend=Embedded",
            "--Emulators:Ports=Random",
            $"--Emulators:DataDirectory={DataDirectory}",
            "--DcpPublisher:WaitForResourceCleanup=false",
            $"--Gym:TimeZone={TestGym.TimeZone.Id}",
            .. Settings.Select(setting => "--" + setting),
        ];
        var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.GymIoT_AppHost>(
            args, (_, host) => host.EnvironmentName = EnvironmentName, cancellation.Token);
        foreach (var service in appHost.Resources.OfType<ProjectResource>().ToList())
        {
            // Short polls: a service the tests stop leaves no poll behind that could take their messages.
            appHost.CreateResourceBuilder(service)
                .WithEnvironment("Aggregator__WaitTimeSeconds", "1")
                .WithEnvironment("Notifier__WaitTimeSeconds", "1")
                .WithEnvironment("Coach__WaitTimeSeconds", "1")
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Telemetry.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500")
                // The demo members' two years (about 1,600 readings, coached too) would load the two cores while the
                // first tests run; no test reads them.
                .WithEnvironment("Simulator__SeedHistory", "false");
        }
        foreach (var service in appHost.Resources.OfType<ProjectResource>().Where(r => UnstartedServices.Contains(r.Name)).ToList())
        {
            appHost.CreateResourceBuilder(service).WithExplicitStart();
        }
        Configure(appHost);
        App = await appHost.BuildAsync(cancellation.Token);
        await App.StartAsync(cancellation.Token);
        foreach (var resource in AwaitedResources)
        {
            await WaitUntilHealthyAsync(resource, cancellation.Token);
        }
        await WaitForProvisioningAsync(cancellation.Token);
        foreach (var service in StoppedServices)
        {
            // A service still starting up may not answer the stop in time: let it come up first.
            await App.WaitForHealthyAsync(service, cancellation.Token);
            await StopAsync(service, cancellation.Token);
        }
    }

    /// <summary>
    /// Waits until a resource (or one replica, by its id) is healthy; past the start's time limit it fails with the end of
    /// the resource's log, which says what it was doing.
    /// </summary>
    protected async Task WaitUntilHealthyAsync(string resource, CancellationToken startCancellation)
    {
        try
        {
            await App.WaitForHealthyAsync(resource, startCancellation);
        }
        catch (OperationCanceledException timedOut) when (startCancellation.IsCancellationRequested)
        {
            var log = await App.TailAsync(resource, 30);
            throw new TimeoutException(
                $"{resource} was not healthy within {StartTimeout.TotalMinutes:0} minutes of the app's start ({timedOut.Message}). " +
                $"The end of its log:{Environment.NewLine}{string.Join(Environment.NewLine, log)}", timedOut);
        }
    }

    public Task StopAsync(string resource, CancellationToken cancellationToken) => App.StopResourceAsync(resource, cancellationToken);

    public Task StartAsync(string resource, CancellationToken cancellationToken) => App.StartResourceAsync(resource, cancellationToken);

    /// <summary>Changes to the app model before it is built, e.g. where services export telemetry.</summary>
    protected virtual void Configure(IDistributedApplicationTestingBuilder appHost)
    {
    }

    public async Task WaitForProvisioningAsync(CancellationToken cancellationToken)
    {
        var finished = await App.ResourceNotifications.WaitForResourceAsync(
            "aws-provisioning",
            e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text),
            cancellationToken);
        if (finished.Snapshot.State?.Text != KnownResourceStates.Finished)
        {
            throw new InvalidOperationException($"AWS provisioning ended as {finished.Snapshot.State?.Text}.");
        }
    }

    public Uri Endpoint(string resource, string endpoint = "http") => App.GetEndpoint(resource, endpoint);

    /// <summary>The settings a service of this app receives for the embedded backend.</summary>
    public AwsSettings Aws => new(AwsSettings.DefaultRegion, Endpoint("sqs"), Endpoint("dynamodb"), "test", "test");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Asks the simulated gym for a burst, through its HTTP endpoint, and returns what it sent.</summary>
    public async Task<BurstReport> SendBurstAsync(BurstRequest request)
    {
        using var simulator = App.CreateHttpClient("device-simulator");
        var response = await simulator.PostAsJsonAsync("/bursts", request, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<BurstReport>(Json))!;
    }

    /// <summary>
    /// Sends a burst while every aggregator is frozen and thaws them, so that a drill can time its fault by the aggregators'
    /// own progress through the burst rather than by a clock or a burst's size, which a faster aggregator beats: the replica
    /// drill once found nothing left of a 1,000-reading burst sent live to two aggregators when it looked for a third
    /// stored (CI, 2026-12-04). A freeze holds every replica back at once; killing both would leave the orchestrator to
    /// start two replicas at once, which it has been seen not to report healthy again.
    /// </summary>
    public async Task<BurstReport> SendBurstHeldBackAsync(BurstRequest request, CancellationToken cancellationToken)
    {
        using (await App.FreezeResourceAsync("aggregator", cancellationToken))
        {
            return await SendBurstAsync(request);
        }
    }

    /// <summary>
    /// Waits until the aggregator has taken <paramref name="done"/> of the <paramref name="sent"/> messages of a burst held
    /// back out of the machine queues, and returns the messages still there (waiting or in flight).
    /// </summary>
    public Task<int> MachineQueueDepthAfterAsync(int done, int sent) =>
        Eventually.ValueAsync(MachineQueueDepthAsync, depth => depth <= sent - done, TimeSpan.FromMinutes(1), TimeSpan.FromMilliseconds(50));

    /// <summary>Messages waiting or in flight in the machine queues.</summary>
    public async Task<int> MachineQueueDepthAsync()
    {
        using var queues = new QueueProbe(Aws.CreateSqsClient());
        var depth = 0;
        foreach (var machine in GymIoT.Core.Queues.QueueNames.Machines)
        {
            depth += await queues.DepthAsync(machine);
        }
        return depth;
    }

    public virtual async Task DisposeAsync()
    {
        await App.DisposeAsync();
        Telemetry.Dispose();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // An emulator that is still shutting down may hold a file for a moment; the folder is in the temp directory.
        }
    }
}
