namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// Tests against the AWS backend itself: the simulator is left out, and the AppHost's aggregator and notifier are not started, so
/// that the tests' own in-process services are the only consumers of the queues.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}

public sealed class PlatformFixture : EmbeddedAppFixture
{
    protected override IEnumerable<string> Settings => ["GymIoT:Simulator=false"];

    protected override IEnumerable<string> UnstartedServices => ["aggregator", "error-notifier", "coach"];
}
