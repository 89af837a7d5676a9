using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using GymIoT.DeviceSimulator;

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
    protected override IEnumerable<string> UnstartedServices => ["error-notifier", "dashboard", "coach"];

    protected override void Configure(IDistributedApplicationTestingBuilder appHost)
    {
        // Readings a killed aggregator had taken come back after 20 s rather than 30, so a drill waits less on them. Not 10:
        // the aggregator takes a whole burst in hand at once, so each kill costs every pending message one receive of the
        // five before the dead-letter queue, and under the suite's load the extension rounds of a 10 s timeout lapsed
        // often enough that a few messages used up the rest (CI, 2026-12-02).
        var aggregator = appHost.Resources.OfType<ProjectResource>().Single(r => r.Name == "aggregator");
        appHost.CreateResourceBuilder(aggregator).WithEnvironment("Aggregator__VisibilityTimeoutSeconds", "20");
    }

    /// <summary>
    /// Waits until the aggregator has taken every message out of the machine queues, for as long as it keeps making
    /// progress: a slow machine gets the time it needs, while an aggregator that stops taking messages for
    /// <paramref name="stall"/> fails the drill at once, with the end of its log.
    /// </summary>
    public async Task WaitUntilMachineQueuesDrainAsync(TimeSpan stall, TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var lowest = int.MaxValue;
        var lastProgress = clock.Elapsed;
        while (true)
        {
            var depth = await MachineQueueDepthAsync();
            if (depth == 0)
            {
                return;
            }
            if (depth < lowest)
            {
                lowest = depth;
                lastProgress = clock.Elapsed;
            }
            if (clock.Elapsed - lastProgress > stall || clock.Elapsed > limit)
            {
                var log = await App.TailAsync("aggregator");
                Assert.Fail(
                    $"The aggregator {(clock.Elapsed > limit ? $"had not drained the machine queues after {limit}" : $"took nothing for {stall}")}: " +
                    $"{depth} messages left. The end of its log:{Environment.NewLine}{string.Join(Environment.NewLine, log)}");
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
