using GymIoT.Core.Queues;
using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymIoT.Tests.Drills;

/// <summary>
/// The coach killed (SIGKILL) twice while it coaches a burst: every reading coached, every alert once, nothing in its DLQ.
/// The burst waits in <c>Coaching</c> while the coach is down, so a fast machine cannot finish it before the kills.
/// </summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(PipelineCollection.Name)]
public sealed class CoachKillDrillTests(PipelineFixture fixture, ITestOutputHelper output) : IDisposable
{
    private const int Readings = 200;
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();
    private readonly QueueProbe _queues = new(fixture.Aws.CreateSqsClient());

    [Fact]
    public async Task The_coach_killed_twice_during_a_burst_loses_no_alert_and_raises_none_twice()
    {
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var members = Enumerable.Range(0, 10).Select(i => $"coachkill-{Guid.NewGuid():N}"[..20]).ToArray();
        var deadLettersBefore = await _queues.DepthAsync(QueueNames.DeadLetterOf(QueueNames.Coaching));
        var today = TestGym.Today;

        await fixture.App.KillResourceAsync("coach", cancellation.Token);
        var burst = await fixture.SendBurstAsync(new BurstRequest(Readings, MemberIds: members, IncludeReadings: true));
        await Eventually.ValueAsync(() => _queues.DepthAsync(QueueNames.Coaching), depth => depth >= Readings, TimeSpan.FromMinutes(2));
        await fixture.App.StartResourceAsync("coach", cancellation.Token);
        var coachedAtKill = new List<int>();
        foreach (var share in new[] { 3, 2 })
        {
            coachedAtKill.Add(await Eventually.ValueAsync(() => CoachingAccount.CoachedAsync(_dynamoDb, members, today), coached => coached >= Readings / share, TimeSpan.FromMinutes(2)));
            await fixture.App.KillResourceAsync("coach", cancellation.Token);
            await fixture.App.StartResourceAsync("coach", cancellation.Token);
        }
        Assert.All(coachedAtKill, coached => Assert.True(coached < Readings, $"a kill came after every reading was coached ({string.Join(", ", coachedAtKill)})"));

        // None lost: every reading ends up coached, once per reading (the session's key is its reading id).
        var coached = await Eventually.ValueAsync(() => CoachingAccount.CoachedAsync(_dynamoDb, members, today), all => all == Readings, TimeSpan.FromMinutes(3));
        Assert.Equal(Readings, coached);
        var raised = await CoachingAccount.AssertEachAlertOnceAsync(_dynamoDb, burst, members, today);
        Assert.Equal(deadLettersBefore, await _queues.DepthAsync(QueueNames.DeadLetterOf(QueueNames.Coaching)));
        output.WriteLine($"SIGKILL x2 with {string.Join(" / ", coachedAtKill)} of {Readings} coached: {raised} alerts, each once");
        Assert.True(raised > 0, "the burst raised no alert: nothing was checked");
    }

    public void Dispose()
    {
        _dynamoDb.Dispose();
        _queues.Dispose();
    }
}
