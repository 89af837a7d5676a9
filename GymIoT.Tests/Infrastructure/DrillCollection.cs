using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace GymIoT.Tests.Infrastructure;

/// <summary>A system of its own for the fault drills, which kill and restart its parts: simulator, aggregator and the backend.</summary>
[CollectionDefinition(Name)]
public sealed class DrillCollection : ICollectionFixture<DrillFixture>
{
    public const string Name = "Drills";
}

public sealed class DrillFixture : EmbeddedAppFixture
{
    protected override IEnumerable<string> AwaitedResources => [.. base.AwaitedResources, "aggregator", "device-simulator"];

    /// <summary>The notifier would take the reports the drills count in <c>Errors</c>; the drills that need it run it in process.</summary>
    protected override IEnumerable<string> StoppedServices => ["error-notifier", "dashboard"];

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        // Readings a killed aggregator had taken come back after 10 s rather than 30, so a drill does not wait on them.
        var aggregator = appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == "aggregator");
        appHost.CreateResourceBuilder(aggregator).WithEnvironment("Aggregator__VisibilityTimeoutSeconds", "10");
    }

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
}
