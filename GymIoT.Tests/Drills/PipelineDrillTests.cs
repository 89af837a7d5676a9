using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymIoT.Tests.Drills;

/// <summary>
/// The aggregator and the backend under the faults production will see, each drill ending in an exact account of what the
/// simulator sent: every good reading in the aggregates exactly once, every bad message in <c>Errors</c> with its reason.
/// </summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(DrillCollection.Name)]
[TestCaseOrderer(DynamoDbRestartFirst.TypeName, DynamoDbRestartFirst.AssemblyName)]
public sealed class PipelineDrillTests(DrillFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task The_aggregator_killed_three_times_during_a_burst_loses_nothing_and_counts_nothing_twice()
    {
        const int Readings = 2000;
        var members = DrillTimings.NewMembers("kill", 40);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var burst = await fixture.SendBurstHeldBackAsync(new BurstRequest(Readings, FaultRate: 0.05, OriginalFormatRate: 0.05, MemberIds: members, IncludeReadings: true), cancellation.Token);
        var pendingAtKill = new List<int>();
        for (var kill = 1; kill <= 3; kill++)
        {
            var pending = await fixture.MachineQueueDepthAfterAsync(done: Readings * kill / 5, Readings);
            await fixture.App.KillResourceAsync("aggregator", cancellation.Token);
            pendingAtKill.Add(pending);
            await fixture.App.StartResourceAsync("aggregator", cancellation.Token);
        }

        Assert.All(pendingAtKill, pending => Assert.True(pending > 0, $"a kill came after the burst was done ({string.Join(", ", pendingAtKill)} pending)"));
        await fixture.WaitUntilMachineQueuesDrainAsync(DrillTimings.Stall, DrillTimings.DrainLimit);
        var result = await Reconciliation.AssertExactAsync(fixture, burst, members, DrillTimings.Settle);
        output.WriteLine($"SIGKILL x3 with {string.Join(" / ", pendingAtKill)} readings pending: {result}");
    }

    [Fact]
    public async Task A_sender_that_sends_every_message_twice_gets_each_reading_counted_once()
    {
        var members = DrillTimings.NewMembers("dup", 12);

        var burst = await fixture.SendBurstAsync(new BurstRequest(600, FaultRate: 0.1, MemberIds: members, IncludeReadings: true, SendTwice: true));

        Assert.Equal(1200, burst.Sent);
        Assert.All(burst.Readings!.GroupBy(r => r.Reading.ReadingId), copies => Assert.Equal(2, copies.Select(c => c.MessageId).Distinct().Count()));
        var result = await Reconciliation.AssertExactAsync(fixture, burst, members, DrillTimings.Settle);
        Assert.Equal(600 - result.BadMessages / 2, result.GoodReadings);
        output.WriteLine($"Every message sent twice: {result}");
    }

    [Fact]
    public Task A_restart_of_the_SQS_emulator_during_a_burst_loses_nothing_and_counts_nothing_twice() =>
        RestartDuringBurstAsync("sqs");

    /// <summary>
    /// Runs first (<see cref="DynamoDbRestartFirst"/>): the drills after it then work on a restarted emulator.
    /// </summary>
    [Fact]
    public Task A_restart_of_the_DynamoDB_emulator_during_a_burst_loses_nothing_and_counts_nothing_twice() =>
        RestartDuringBurstAsync("dynamodb");

    /// <summary>Restarts an emulator once the aggregator has done a fifth of a burst held back, then reconciles exactly.</summary>
    private async Task RestartDuringBurstAsync(string emulator)
    {
        const int Readings = 1500;
        var members = DrillTimings.NewMembers(emulator[..3], 30);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(4));

        var burst = await fixture.SendBurstHeldBackAsync(new BurstRequest(Readings, FaultRate: 0.05, MemberIds: members, IncludeReadings: true), cancellation.Token);
        var pending = await fixture.MachineQueueDepthAfterAsync(done: Readings / 5, Readings);
        await fixture.App.RestartResourceAsync(emulator, cancellation.Token);

        Assert.True(pending > 0, "the restart came after the burst was done");
        await fixture.WaitUntilMachineQueuesDrainAsync(DrillTimings.Stall, DrillTimings.DrainLimit);
        var result = await Reconciliation.AssertExactAsync(fixture, burst, members, DrillTimings.Settle);
        await fixture.App.WaitForHealthyAsync("aggregator", cancellation.Token);
        output.WriteLine($"{emulator} restarted with {pending} readings pending: {result}");
    }
}
