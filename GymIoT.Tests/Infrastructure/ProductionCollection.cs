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
}
