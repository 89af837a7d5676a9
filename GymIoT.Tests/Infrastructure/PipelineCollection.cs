namespace GymIoT.Tests.Infrastructure;

/// <summary>The system running (simulator, aggregator, dashboard and the AWS backend), exporting telemetry to the test.</summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline";
}

public sealed class PipelineFixture : EmbeddedAppFixture
{
    protected override IEnumerable<string> AwaitedResources => [.. base.AwaitedResources, "aggregator", "device-simulator", "dashboard"];

    /// <summary>The notifier would take the reports from <c>Errors</c> that these tests count there.</summary>
    protected override IEnumerable<string> StoppedServices => ["error-notifier"];
}
