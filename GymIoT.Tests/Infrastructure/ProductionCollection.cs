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
}
