using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using GymIoT.Deploy.Services;

namespace GymIoT.Tests.Infrastructure;

/// <summary>The system started as Production, as an operator would start it without Development's conveniences.</summary>
[CollectionDefinition(Name)]
public sealed class ProductionCollection : ICollectionFixture<ProductionFixture>
{
    public const string Name = "Production";
}

public sealed class ProductionFixture : EmbeddedAppFixture
{
    protected override string EnvironmentName => "Production";

    protected override IEnumerable<string> AwaitedResources => [.. base.AwaitedResources, "device-simulator", "dashboard"];

    /// <summary>
    /// The tests look at the dashboard and the simulator only: the rest would load the machine the other collections share.
    /// The aggregator is started, as the simulator waits for it, and then stopped.
    /// </summary>
    protected override IEnumerable<string> StoppedServices => ["aggregator"];

    protected override IEnumerable<string> UnstartedServices => ["error-notifier", "coach"];

    /// <summary>The address the tests' requests come from, as the load balancer in front of the dashboard.</summary>
    public const string LoadBalancerNetwork = "127.0.0.0/8";

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        // Deployed, the dashboard sits behind a load balancer: here the tests are in its place, with its settings.
        var dashboard = appHost.CreateResourceBuilder(appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == "dashboard"));
        foreach (var (name, value) in LoadBalancerProxy.EnvironmentFor(LoadBalancerNetwork))
        {
            dashboard.WithEnvironment(name, value);
        }
    }
}
