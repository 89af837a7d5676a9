using GymIoT.TestSupport;

namespace GymIoT.Benchmarks;

public sealed record TracesResult(double PerIdleMinute, double FromPollingPerIdleMinute, int Readings, double PerReading);

/// <summary>
/// How many traces the services start: with nothing to do for <c>idleSeconds</c> (they long-poll, are probed for health
/// and read their tables), then per reading while traced readings flow. Counted from the spans the services export,
/// by the window in which each trace's spans ended.
/// </summary>
public sealed class TracesRun(BenchmarkBackend backend)
{
    private static readonly TimeSpan ExportDelay = TimeSpan.FromSeconds(3);

    public async Task<TracesResult> MeasureAsync(int idleSeconds, int readings)
    {
        // Let what came before (starting, enrolling) be exported, then watch the system do nothing.
        await Task.Delay(ExportDelay);
        var idleFrom = DateTimeOffset.UtcNow;
        await Task.Delay(TimeSpan.FromSeconds(idleSeconds));
        var idleTo = DateTimeOffset.UtcNow;
        await Task.Delay(ExportDelay);
        var idle = SpansBetween(idleFrom, idleTo);
        var minutes = (idleTo - idleFrom).TotalMinutes;
        var idleTraces = idle.Select(s => s.TraceId).Distinct().Count();
        var fromPolling = idle.Count(s => s.IsRoot && s.Kind == CapturedSpan.Client);

        // Every reading traced: each should be one trace, and nothing else should start one meanwhile.
        var traced = new PipelineRun(backend, members: 50, traceEvery: 1, memberPrefix: "traced");
        await traced.EnrolAsync();
        await Task.Delay(ExportDelay);
        var flowFrom = DateTimeOffset.UtcNow;
        await traced.SteadyAsync(ratePerSecond: Math.Max(1, readings / 10), seconds: 10);
        var flowTo = DateTimeOffset.UtcNow;
        await Task.Delay(ExportDelay);
        var flowTraces = SpansBetween(flowFrom, flowTo).Select(s => s.TraceId).Distinct().Count();
        var sent = Math.Max(1, readings / 10) * 10;
        return new TracesResult(idleTraces / minutes, fromPolling / minutes, sent, (double)flowTraces / sent);
    }

    private List<CapturedSpan> SpansBetween(DateTimeOffset from, DateTimeOffset to) =>
        [.. backend.Telemetry.Spans.Where(s => s.EndedAt >= from && s.EndedAt < to)];
}
