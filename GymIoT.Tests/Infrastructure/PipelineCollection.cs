using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

namespace GymIoT.Tests.Infrastructure;

/// <summary>The system running (simulator, aggregator, dashboard and the AWS backend), exporting traces to the test.</summary>
[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline";
}

public sealed class PipelineFixture : EmbeddedAppFixture
{
    public OtlpReceiver Traces { get; } = new();

    protected override IEnumerable<string> AwaitedResources => [.. base.AwaitedResources, "aggregator", "device-simulator", "dashboard"];

    /// <summary>The notifier would take the reports from <c>Errors</c> that these tests count there.</summary>
    protected override IEnumerable<string> StoppedServices => ["error-notifier"];

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        foreach (var service in appHost.Resources.OfType<ProjectResource>().ToList())
        {
            appHost.CreateResourceBuilder(service)
                .WithEnvironment("OTEL_EXPORTER_OTLP_ENDPOINT", Traces.Endpoint)
                .WithEnvironment("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf")
                .WithEnvironment("OTEL_BSP_SCHEDULE_DELAY", "500");
        }
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Traces.Dispose();
    }
}
