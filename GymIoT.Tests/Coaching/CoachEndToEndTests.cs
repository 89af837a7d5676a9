using System.Diagnostics;
using GymIoT.Core.Calories;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Queues;
using GymIoT.Core.Readings;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.Tests.Infrastructure;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Coaching;

/// <summary>The running system: a sensor's reading → aggregator → <c>Coaching</c> → coach → the member's alert, in one trace.</summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(PipelineCollection.Name)]
public sealed class CoachEndToEndTests(PipelineFixture fixture) : IDisposable
{
    private readonly QueueProbe _queues = new(fixture.Aws.CreateSqsClient());
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();

    [Fact]
    public async Task A_session_out_of_sequence_raises_one_alert_in_the_trace_of_its_reading_however_often_it_is_sent()
    {
        var member = $"e2e-coach-{Guid.NewGuid():N}"[..20];
        await new MemberStore(_dynamoDb).EnrollAsync(new Member(member, "Test", "Member", Sex.Female, new DateOnly(1990, 5, 5), 62, 168));
        var ended = DateTimeOffset.UtcNow.AddMinutes(-1);
        ended = new DateTimeOffset(ended.Ticks - ended.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
        // The starter card begins on the Cyclette: a session on the Elliptical bike first is out of sequence.
        var reading = new Reading(Guid.NewGuid().ToString("N"), "elliptical-bike-01", MachineCatalogue.EllipticalBike.Name, member, ended.AddMinutes(-10), ended, 600, 60);
        var trace = ActivityTraceId.CreateRandom();
        var traceParent = $"00-{trace}-{ActivitySpanId.CreateRandom()}-01";

        for (var delivery = 0; delivery < 3; delivery++)
        {
            await _queues.SendAsync(MachineCatalogue.EllipticalBike.Name, Misreadings.GoodBody(reading), traceParent);
        }

        var alerts = await Eventually.ValueAsync(
            () => new AlertStore(_dynamoDb).HistoryAsync(member),
            found => found.Count > 0,
            TimeSpan.FromSeconds(60));
        var spans = await Eventually.ValueAsync(
            () => Task.FromResult(fixture.Telemetry.Spans.Where(s => s.TraceId == trace.ToString()).ToList()),
            found => found.Count(s => s.Service == "coach" && s.Name == "process Coaching") >= 3
                && found.Any(s => s.Service == "coach" && s.Name == "raise alert")
                && found.Any(s => s.Service == "aggregator" && s.Name == "store reading")
                && found.Any(s => s.Service == "aggregator" && s.Name == "send Coaching"),
            TimeSpan.FromSeconds(60));
        alerts = await new AlertStore(_dynamoDb).HistoryAsync(member);

        var alert = Assert.Single(alerts);
        Assert.Equal(AlertKind.OutOfSequence, alert.Kind);
        Assert.Contains("next is the Cyclette (15 min)", alert.Message);
        Assert.Contains(spans, s => s.Service == "aggregator" && s.Name == "store reading");
        Assert.Contains(spans, s => s.Service == "aggregator" && s.Name == "send Coaching");
        Assert.Contains(spans, s => s.Service == "coach" && s.Name == "raise alert");
        // The coach looks up what its causes have raised before writing, so a reading coached again refuses no write.
        Assert.DoesNotContain(spans, s => s.Service == "coach" && s.IsError);
    }

    public void Dispose()
    {
        _queues.Dispose();
        _dynamoDb.Dispose();
    }
}
