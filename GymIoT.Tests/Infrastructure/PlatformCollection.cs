using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// Tests against the AWS backend itself: the simulator is left out, and the AppHost's aggregator is stopped so that the
/// tests' own in-process aggregators are the only consumers of the queues.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "Platform";
}

public sealed class PlatformFixture : EmbeddedAppFixture
{
    protected override IEnumerable<string> Settings => ["GymIoT:Simulator=false"];

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        using var cancellation = new CancellationTokenSource(StartTimeout);
        await App.ResourceNotifications.WaitForResourceAsync("aggregator", KnownResourceStates.Running, cancellation.Token);
        var stopped = await Commands.ExecuteCommandAsync("aggregator", KnownResourceCommands.StopCommand, cancellation.Token);
        if (!stopped.Success)
        {
            throw new InvalidOperationException($"The AppHost's aggregator could not be stopped: {stopped.Message}");
        }
        await App.ResourceNotifications.WaitForResourceAsync(
            "aggregator", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellation.Token);
    }
}
