using System.Text.Json;
using GymIoT.DeviceSimulator;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

/// <summary>The running system, started by its AppHost: simulated sensors → queues → aggregator → DynamoDB and Errors.</summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(PipelineCollection.Name)]
public sealed class PipelineEndToEndTests(PipelineFixture fixture) : IDisposable
{
    private readonly QueueProbe _queues = new(fixture.Aws.CreateSqsClient());

    [Fact]
    public async Task A_burst_ends_with_exact_aggregates_of_the_good_readings_and_exactly_the_bad_ones_in_Errors()
    {
        var members = Enumerable.Range(1, 6).Select(i => $"e2e-{Guid.NewGuid():N}"[..16] + $"-{i}").ToArray();

        var burst = await fixture.SendBurstAsync(new BurstRequest(400, FaultRate: 0.2, OriginalFormatRate: 0.1, MemberIds: members, IncludeReadings: true));

        Assert.Equal(400, burst.Sent);
        Assert.Contains(burst.Readings!, r => r.ExpectedRejection is not null);
        Assert.Contains(burst.Readings!, r => r.ExpectedRejection is null && r.OriginalFormat);
        await Reconciliation.AssertExactAsync(fixture, burst, members, TimeSpan.FromSeconds(90));
    }

    [Fact]
    public async Task One_reading_is_one_trace_without_error_from_the_simulator_through_the_aggregator()
    {
        var member = $"trace-{Guid.NewGuid():N}"[..20];
        var burst = await fixture.SendBurstAsync(new BurstRequest(20, FaultRate: 0.5, MemberIds: [member], IncludeReadings: true));
        var good = burst.Readings!.First(r => r.ExpectedRejection is null);
        var bad = burst.Readings!.First(r => r.ExpectedRejection is not null);

        var trace = await Eventually.ValueAsync(
            () => Task.FromResult(fixture.Telemetry.Spans.Where(s => s.TraceId == good.TraceId).ToList()),
            spans => spans.Any(s => s.Service == "aggregator" && s.Name == "store reading")
                && spans.Any(s => s.Name == $"process {good.Queue}")
                && spans.Any(s => s.Service == "device-simulator" && s.Name == $"send {good.Queue}"),
            TimeSpan.FromSeconds(60));

        Assert.Contains(trace, s => s.Service == "device-simulator" && s.Name == $"send {good.Queue}");
        Assert.Contains(trace, s => s.Service == "aggregator" && s.Name == $"process {good.Queue}");
        Assert.Contains(trace, s => s.Service == "aggregator" && s.Name == "store reading");
        // A write applies several readings and is traced in the first one's trace; red must mean something failed.
        var goodTraces = burst.Readings!.Where(r => r.ExpectedRejection is null).Select(r => r.TraceId).ToHashSet();
        var goodSpans = await Eventually.ValueAsync(
            () => Task.FromResult(fixture.Telemetry.Spans.Where(s => goodTraces.Contains(s.TraceId)).ToList()),
            spans => spans.Count(s => s.Name == "store reading") == goodTraces.Count,
            TimeSpan.FromSeconds(60));
        Assert.Contains(goodSpans, s => s.Service == "aggregator" && s.Name == "update MemberActivity");
        Assert.Contains(goodSpans, s => s.Service == "aggregator" && s.Name == "update DeviceActivity");
        var writes = goodSpans.Where(s => s.Name.StartsWith("update ", StringComparison.Ordinal)).Select(s => s.SpanId).ToHashSet();
        Assert.Contains(goodSpans, s => s.Kind == CapturedSpan.Client && writes.Contains(s.ParentSpanId));
        Assert.DoesNotContain(goodSpans, s => s.IsError);
        var badTrace = await Eventually.ValueAsync(
            () => Task.FromResult(fixture.Telemetry.Spans.Where(s => s.TraceId == bad.TraceId).ToList()),
            spans => spans.Any(s => s.Service == "aggregator" && s.Name == "send Errors")
                && spans.Any(s => s.Name == $"process {bad.Queue}")
                && spans.Any(s => s.Service == "device-simulator" && s.Name == $"send {bad.Queue}"),
            TimeSpan.FromSeconds(60));
        Assert.Contains(badTrace, s => s.Service == "device-simulator" && s.Name == $"send {bad.Queue}");
        Assert.Contains(badTrace, s => s.Service == "aggregator" && s.Name == $"process {bad.Queue}");
        Assert.Contains(badTrace, s => s.Service == "aggregator" && s.Name == "send Errors");
        var report = (await _queues.TakeReportsAsync("Errors", [bad.MessageId!], TimeSpan.FromSeconds(60)))[bad.MessageId!];
        Assert.Contains(bad.TraceId, report.Message.MessageAttributes["traceparent"].StringValue);
    }

    [Fact]
    public async Task Polls_health_probes_and_periodic_reads_start_no_trace_while_every_reading_starts_one()
    {
        var member = $"quiet-{Guid.NewGuid():N}"[..20];
        var burst = await fixture.SendBurstAsync(new BurstRequest(5, FaultRate: 0, MemberIds: [member], IncludeReadings: true));
        var reading = burst.Readings![0];

        // By the time the reading is stored, every service has long-polled, been probed and read its tables many times.
        var trace = await Eventually.ValueAsync(
            () => Task.FromResult(fixture.Telemetry.Spans.Where(s => s.TraceId == reading.TraceId).ToList()),
            spans => spans.Any(s => s.Service == "aggregator" && s.Name == "store reading") && spans.Any(s => s.IsRoot),
            TimeSpan.FromSeconds(60));

        Assert.Contains(trace, s => s.IsRoot && s.Service == "device-simulator");
        Assert.Contains(trace, s => s.Kind == CapturedSpan.Client);
        var clientRoots = fixture.Telemetry.Spans.Where(s => s.IsRoot && s.Kind == CapturedSpan.Client).ToList();
        Assert.True(clientRoots.Count == 0,
            $"{clientRoots.Count} client calls outside any trace started one, e.g. {string.Join(", ", clientRoots.Take(5).Select(s => $"{s.Service}: {s.Name}"))}");
    }

    public void Dispose()
    {
        _queues.Dispose();
    }
}
