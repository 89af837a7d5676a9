using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;

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
    protected override IEnumerable<string> UnstartedServices => ["error-notifier"];

    /// <summary>How long every service takes a member it found for one: a deleted account is gone from every table soon after.</summary>
    public const int RememberMembersSeconds = 5;

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        foreach (var service in appHost.Resources.OfType<ProjectResource>().ToList())
        {
            appHost.CreateResourceBuilder(service).WithEnvironment("Members__RememberSeconds", RememberMembersSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
        // Every session of the collection comes from one loopback address, more often than a person would; the default
        // limits are tried on the Production app (ProductionTests).
        var dashboard = appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == "dashboard");
        appHost.CreateResourceBuilder(dashboard)
            .WithEnvironment("AccountLimits__LoginsPerMinute", "1000")
            .WithEnvironment("AccountLimits__SignUpsPerMinute", "1000")
            .WithEnvironment("AccountLimits__LogoutsPerMinute", "1000")
            .WithEnvironment("AccountLimits__SignUpsPerHour", "100000")
            // Its counters every second, so a test can see what it did a moment ago (the other services keep the
            // default minute: exporting every second from every service of four apps loads the two cores).
            .WithEnvironment("OTEL_METRIC_EXPORT_INTERVAL", "1000");
    }
}
