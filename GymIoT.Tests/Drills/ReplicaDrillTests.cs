using GymIoT.Core.Queues;
using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymIoT.Tests.Drills;

/// <summary>
/// The system scaled out as on AWS, two replicas of each service, with single replicas killed (SIGKILL) while they hold
/// work: the aggregates stay exact, each reading is coached once with each alert raised once, and each error report
/// reaches each channel once. What a killed replica held comes back to its sibling.
/// </summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(ReplicaCollection.Name)]
public sealed class ReplicaDrillTests(ReplicaFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const int Readings = 1000;
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();
    private readonly NotifierHarness _notifier = new(fixture);

    [Fact]
    public async Task One_replica_of_the_aggregator_and_of_the_coach_killed_during_a_burst_leaves_the_aggregates_exact_and_every_alert_raised_once()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(6));
        var aggregators = await fixture.ReplicasOfAsync("aggregator", cancellation.Token);
        var coaches = await fixture.ReplicasOfAsync("coach", cancellation.Token);
        // 50 sessions each, as in the aggregator kill drill: within a member's daily limit.
        var members = DrillTimings.NewMembers("replica", 20);
        var today = TestGym.Today;
        var coachDeadLetters = await _notifier.Queues.DepthAsync(QueueNames.DeadLetterOf(QueueNames.Coaching));

        // One replica at a time is ever down: the orchestrator (Aspire 13.6) has been seen not to report a replica healthy
        // again when it is started while its sibling is down too. The burst waits in the queues for both aggregators.
        var burst = await fixture.SendBurstHeldBackAsync(new BurstRequest(Readings, MemberIds: members, IncludeReadings: true), cancellation.Token);
        var pendingAtKill = await fixture.MachineQueueDepthAfterAsync(done: Readings / 3, sent: Readings);
        await fixture.App.KillResourceAsync(aggregators[0], cancellation.Token);
        output.WriteLine($"{aggregators[0]} killed with {pendingAtKill} of {Readings} messages pending");
        var coachedAtKill = await Eventually.ValueAsync(
            () => CoachingAccount.CoachedAsync(_dynamoDb, members, today), coached => coached >= Readings / 3, TimeSpan.FromMinutes(2));
        await fixture.App.KillResourceAsync(coaches[0], cancellation.Token);
        output.WriteLine($"{coaches[0]} killed with {coachedAtKill} of {Readings} readings coached");
        await fixture.App.StartResourceAsync(aggregators[0], cancellation.Token);
        await fixture.App.StartResourceAsync(coaches[0], cancellation.Token);
        output.WriteLine("both started again");
        Assert.True(pendingAtKill > 0, "the aggregators had taken the whole burst before the kill");
        Assert.True(coachedAtKill < Readings, "the coaches had coached the whole burst before the kill");

        var result = await Reconciliation.AssertExactAsync(fixture, burst, members, TimeSpan.FromMinutes(2));
        var coached = await Eventually.ValueAsync(
            () => CoachingAccount.CoachedAsync(_dynamoDb, members, today), all => all == Readings, TimeSpan.FromMinutes(3));
        Assert.Equal(Readings, coached);
        var raised = await CoachingAccount.AssertEachAlertOnceAsync(_dynamoDb, burst, members, today);
        Assert.True(raised > 0, "the burst raised no alert: nothing was checked");
        Assert.Equal(coachDeadLetters, await _notifier.Queues.DepthAsync(QueueNames.DeadLetterOf(QueueNames.Coaching)));
        output.WriteLine($"2 aggregators, 2 coaches, one of each killed ({pendingAtKill} of {Readings} messages pending, {coachedAtKill} coached): {result}; {raised} alerts, each once");
    }

    [Fact]
    public async Task A_notifier_replica_killed_while_it_holds_a_batch_leaves_its_sibling_to_send_each_report_once_by_email_and_once_by_webhook()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var notifiers = await fixture.ReplicasOfAsync("error-notifier", cancellation.Token);
        var devices = Enumerable.Range(0, 12).Select(_ => NotifierHarness.UniqueDevice()).ToList();

        // One replica down, so the other takes the whole batch; once the first is back, the other is killed in its batch
        // window, before it sends.
        await fixture.App.KillResourceAsync(notifiers[1], cancellation.Token);
        await _notifier.Queues.SendManyAsync(QueueNames.Errors, devices.Select(d => NotifierHarness.Report(d, "NegativeValue: caloriesKcal is -5")));
        await Eventually.ValueAsync(() => _notifier.Queues.VisibleAsync(QueueNames.Errors), visible => visible == 0, TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(50));
        await fixture.App.StartResourceAsync(notifiers[1], cancellation.Token);
        await fixture.App.KillResourceAsync(notifiers[0], cancellation.Token);
        Assert.DoesNotContain(fixture.Webhook.Calls, c => devices.Contains(c.Body.GetProperty("value1").GetString()!));
        await fixture.App.StartResourceAsync(notifiers[0], cancellation.Token);

        foreach (var device in devices)
        {
            Assert.Single(await _notifier.WaitForMailsAsync(device, 1));
            Assert.Single(await NotifierHarness.WaitForCallsAsync(fixture.Webhook, device, 1));
        }
        // A second delivery would come within a batch window.
        await Task.Delay(TimeSpan.FromSeconds(ReplicaFixture.NotifierBatchWindowSeconds + 2), cancellation.Token);
        foreach (var device in devices)
        {
            Assert.Single(await _notifier.Inbox.MentioningAsync(device));
            Assert.Single(fixture.Webhook.Accepted, c => c.Body.GetProperty("value1").GetString() == device);
        }
        output.WriteLine($"2 notifiers, the one holding {devices.Count} reports killed: each report once by email and once by webhook");
    }

    public void Dispose()
    {
        _dynamoDb.Dispose();
        _notifier.Dispose();
    }
}
