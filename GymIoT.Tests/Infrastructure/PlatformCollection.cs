namespace GymIoT.Tests.Infrastructure;

/// <summary>Tests of the AWS backend alone: no services, nothing sending.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}

public sealed class PlatformFixture : EmbeddedAppFixture
{
    protected override IEnumerable<string> Settings => ["GymIoT:Simulator=false"];
}
