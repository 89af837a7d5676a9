using System.Net;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Aspire.Hosting;
using GymIoT.TestSupport;

namespace GymIoT.Tests.Infrastructure;

/// <summary>The system scaled out: two replicas of the aggregator, the notifier, the coach and the dashboard, as on AWS.</summary>
[CollectionDefinition(Name)]
public sealed class ReplicaCollection : ICollectionFixture<ReplicaFixture>
{
    public const string Name = "Replicas";
}

public sealed class ReplicaFixture : EmbeddedAppFixture
{
    public const int Replicas = 2;

    /// <summary>
    /// A notifier holds what it receives this long before it sends: long enough for a drill to start one replica again
    /// and then kill the other while it holds a batch.
    /// </summary>
    public const int NotifierBatchWindowSeconds = 30;

    public const int SessionCheckSeconds = 3;

    /// <summary>The resources run as <see cref="Replicas"/> replicas.</summary>
    public static readonly string[] ScaledOut = ["aggregator", "error-notifier", "coach", "dashboard"];

    /// <summary>Where the notifiers send the IFTTT webhook.</summary>
    public FakeWebhook Webhook { get; } = new();

    /// <summary>Twice the services of the other apps to start, while two other collections load the cores.</summary>
    protected override TimeSpan StartTimeout => TimeSpan.FromMinutes(8);

    protected override IEnumerable<string> Settings => [$"Ifttt:BaseUrl={Webhook.BaseUrl}", "Parameters:ifttt-key=replica-key"];

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        // A quiet gym: only the drills' bursts, so the two cores go to the replicas.
        var simulator = appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == "device-simulator");
        appHost.CreateResourceBuilder(simulator).WithEnvironment("Simulator__ReadingsPerSecond", "0");
        ScaleOut(appHost);
    }

    protected override IEnumerable<string> AwaitedResources => [.. base.AwaitedResources, .. ScaledOut, "device-simulator"];

    private static void ScaleOut(IDistributedApplicationTestingBuilder appHost)
    {
        foreach (var service in appHost.Resources.OfType<ProjectResource>().Where(r => ScaledOut.Contains(r.Name)).ToList())
        {
            appHost.CreateResourceBuilder(service)
                .WithReplicas(Replicas)
                // What a killed replica held comes back to the others after 10 s rather than 30 s or 3 minutes.
                .WithEnvironment("Aggregator__VisibilityTimeoutSeconds", "10")
                // A drill's burst spans many batches, so the queues empty by hundreds at most: each aggregator stores two
                // batches at once, and with batches of up to 1,000 a 1,000-reading burst could go between two looks at them.
                .WithEnvironment("Aggregator__MaxBatchReadings", "100")
                .WithEnvironment("Coach__VisibilityTimeoutSeconds", "10")
                .WithEnvironment("Notifier__VisibilityTimeoutSeconds", "10")
                .WithEnvironment("Notifier__BatchWindowSeconds", NotifierBatchWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .WithEnvironment("Notifier__BatchSize", "100")
                // A session's grounds checked every few seconds, so a revoked one is seen refused on both dashboards soon.
                .WithEnvironment("Accounts__SessionCheckSeconds", SessionCheckSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var cancellation = new CancellationTokenSource(StartTimeout);
        foreach (var resource in ScaledOut)
        {
            foreach (var replica in await ReplicasOfAsync(resource, cancellation.Token))
            {
                await WaitUntilHealthyAsync(replica, cancellation.Token);
            }
        }
    }

    /// <summary>The ids of a resource's replicas, each of which can be killed and started on its own.</summary>
    public Task<IReadOnlyList<string>> ReplicasOfAsync(string resource, CancellationToken cancellationToken) =>
        App.ReplicasOfAsync(resource, Replicas, cancellationToken);

    /// <summary>One dashboard replica's own address, past the orchestrator's proxy (which picks a replica per connection).</summary>
    public string DashboardReplicaUrl(string replica)
    {
        var endpoint = ListeningSockets.OfProcess(App.ProcessIdOf(replica)).First(e => IPAddress.IsLoopback(e.Address));
        return $"http://127.0.0.1:{endpoint.Port}";
    }

    /// <summary>The end of each replica's log, for a failure to say what the replicas were doing.</summary>
    public async Task<string> LogsOfAsync(params string[] resources)
    {
        var logs = new List<string>();
        foreach (var resource in resources)
        {
            foreach (var replica in await ReplicasOfAsync(resource, CancellationToken.None))
            {
                logs.Add($"--- {replica}:");
                logs.AddRange(await App.TailAsync(replica, 15));
            }
        }
        return string.Join(Environment.NewLine, logs);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Webhook.Dispose();
    }
}
