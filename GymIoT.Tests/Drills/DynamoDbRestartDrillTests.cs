using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymIoT.Tests.Drills;

/// <summary>
/// The DynamoDB emulator restarted under the aggregator's feet. It runs on a system of its own: after a restart dynalite
/// has been seen to lose acknowledged updates under load (see RELIABILITY.md), and the other drills must not inherit that.
/// </summary>
[Collection(RestartedDynamoDbCollection.Name)]
public sealed class DynamoDbRestartDrillTests(DrillFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_restart_of_the_DynamoDB_emulator_during_a_burst_loses_nothing_and_counts_nothing_twice()
    {
        const int Readings = 3000;
        var members = DrillTimings.NewMembers("ddb", 3);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var burst = await fixture.SendBurstHeldBackAsync(new BurstRequest(Readings, FaultRate: 0.05, MemberIds: members, IncludeReadings: true), cancellation.Token);
        var pending = await fixture.MachineQueueDepthAfterAsync(done: Readings / 5, Readings);
        await fixture.App.RestartResourceAsync("dynamodb", cancellation.Token);

        Assert.True(pending > 0, "the restart came after the burst was done");
        await fixture.WaitUntilMachineQueuesDrainAsync(DrillTimings.Stall, DrillTimings.DrainLimit);
        var result = await Reconciliation.AssertExactAsync(fixture, burst, members, DrillTimings.Settle);
        await fixture.App.ResourceNotifications.WaitForResourceHealthyAsync("aggregator", cancellation.Token);
        output.WriteLine($"DynamoDB restarted with {pending} readings pending: {result}");
    }
}
