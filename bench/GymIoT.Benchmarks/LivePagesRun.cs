using System.Collections.Concurrent;
using System.Diagnostics;
using Aspire.Hosting.Testing;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.TestSupport;

namespace GymIoT.Benchmarks;

public sealed record LivePagesResult(
    int Pages, double IdleReadsPerSecond, double IdleRendersPerSecond, int Rate, double ReadingsPerSecond, double LoadedReadsPerSecond, int PageReadings, int Measured, double P50, double P95, double P99,
    double StoredP95, double PushP50, double PushP95);

/// <summary>
/// Member homes held open (<see cref="LiveMemberPage"/>) while readings flow: the dashboard's DynamoDB requests per second
/// with no reading, then with readings at a steady rate, of which each open page's member gets one every
/// <c>pageEverySeconds</c>; and, for those, device → page: from the send to the machine queue to the first render batch
/// the member's page receives after the aggregator stored it (its "store reading" span), split at that moment: send →
/// stored is the pipeline's part, stored → page the push path's (notice, the page's reads, its render, the circuit).
/// </summary>
public sealed class LivePagesRun(BenchmarkBackend backend, PipelineRun pipeline)
{
    /// <summary>The dashboard's requests a second with no change at all: its live listener's heartbeat (0.06–0.12 measured).</summary>
    public const double IdleReadsAllowed = 0.5;

    /// <summary>A member home re-reads what changed when its member changes: about one request a render measured, a few at most.</summary>
    public const int ReadsPerChangeAllowed = 3;

    private const string Password = "benchmark password";
    private readonly List<(LiveMemberPage Page, DashboardSession Session)> _open = [];

    public async Task<LivePagesResult> MeasureAsync(int pages, int rate, int seconds, int pageEverySeconds, RunCost cost)
    {
        await OpenUpToAsync(pages);
        await SettledAsync();

        var (idle, idleRenders) = await ReadsPerSecondAsync(() => Task.Delay(TimeSpan.FromSeconds(seconds)));

        var sends = new ConcurrentBag<(LiveMemberPage Page, string Trace, DateTimeOffset SentAt)>();
        var traced = new ConcurrentDictionary<string, DateTimeOffset>();
        var sent = 0;
        var sendingSeconds = 0.0;
        var (loaded, _) = await ReadsPerSecondAsync(async () =>
        {
            using var sqs = backend.Aws.CreateSqsClient();
            var urls = await PipelineRun.MachineQueueUrlsAsync(sqs);
            // The schedule's clock starts with the first send: one started before the wait around this phase sent the
            // readings due in that wait (500 at 200/s) all at once, and counted the wait as sending time.
            var clock = Stopwatch.StartNew();
            cost.Start();

            var batches = rate * seconds / 10;
            var nextPage = 0;
            var sending = new List<Task>();
            for (var batch = 0; batch < batches; batch++)
            {
                var due = TimeSpan.FromSeconds(batch * 10.0 / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
                // The pages' members' turns fall evenly over each pageEverySeconds; the rest of the batch is other members.
                var pageTurns = (int)((batch + 1) * 10.0 / rate * _open.Count / pageEverySeconds) - (int)(batch * 10.0 / rate * _open.Count / pageEverySeconds);
                var forPages = Enumerable.Range(0, Math.Min(pageTurns, 10)).Select(_ => _open[nextPage++ % _open.Count].Page).ToList();
                var readings = forPages.Select(p => (Page: (LiveMemberPage?)p, Reading: pipeline.SessionOf(p.MemberId)))
                    .Concat(Enumerable.Range(0, 10 - forPages.Count).Select(_ => (Page: (LiveMemberPage?)null, Reading: pipeline.NewSession())))
                    .ToList();
                pipeline.Expect(readings.Where(r => r.Page is null).Select(r => r.Reading));
                // Each batch on its way while the next is due: a sender that waited for each would fall behind the rate. The
                // pages' members' readings go one by one, each traced, so that each one's store time is known.
                sending.Add(pipeline.SendAsync(sqs, urls, readings.Where(r => r.Page is null).Select(r => (r.Reading.Machine, Misreadings.GoodBody(r.Reading))), traced, CancellationToken.None));
                foreach (var (page, reading) in readings.Where(r => r.Page is not null))
                {
                    sending.Add(Task.Run(async () =>
                    {
                        var one = new ConcurrentDictionary<string, DateTimeOffset>();
                        await pipeline.SendAsync(sqs, urls, [(reading.Machine, Misreadings.GoodBody(reading))], one, CancellationToken.None, sampleEvery: 1);
                        var (trace, at) = one.Single();
                        sends.Add((page!, trace, at));
                    }));
                }
                sent += readings.Count;
            }
            await Task.WhenAll(sending);
            sendingSeconds = clock.Elapsed.TotalSeconds;
            cost.Stop(sendingSeconds);
            // The last readings' pages get the time a page needs to change.
            await Task.Delay(TimeSpan.FromSeconds(5));
        });

        var pageTraces = new ConcurrentDictionary<string, DateTimeOffset>(sends.Select(s => KeyValuePair.Create(s.Trace, s.SentAt)));
        var stored = await pipeline.WaitUntilStoredAsync(pageTraces, TimeSpan.FromSeconds(30));
        // A page shows a reading at its first render after the reading was stored: one before came from an earlier change.
        var shown = sends.Select(s => stored.TryGetValue(s.Trace, out var at)
            ? (s.SentAt, Stored: (DateTimeOffset?)at, Shown: s.Page.FirstRenderAfter(at))
            : (s.SentAt, Stored: null, Shown: null)).ToList();
        var latencies = shown.Where(s => s.Shown is not null).Select(s => (s.Shown!.Value - s.SentAt).TotalMilliseconds).Order().ToList();
        var pushLatencies = shown.Where(s => s.Shown is not null && s.Stored is not null).Select(s => (s.Shown!.Value - s.Stored!.Value).TotalMilliseconds).Order().ToList();
        var storeLatencies = shown.Where(s => s.Stored is not null).Select(s => (s.Stored!.Value - s.SentAt).TotalMilliseconds).Order().ToList();
        return new LivePagesResult(_open.Count, idle, idleRenders, rate, sent / sendingSeconds, loaded, sends.Count, latencies.Count,
            Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.95), Percentiles.Of(latencies, 0.99),
            Percentiles.Of(storeLatencies, 0.95), Percentiles.Of(pushLatencies, 0.50), Percentiles.Of(pushLatencies, 0.95));
    }

    /// <summary>Signs up more members and opens their homes until <paramref name="pages"/> are open, each drawn once.</summary>
    private async Task OpenUpToAsync(int pages)
    {
        var dashboard = backend.App.GetEndpoint("dashboard", "http");
        var opened = new ConcurrentBag<(LiveMemberPage, DashboardSession)>();
        await Parallel.ForEachAsync(Enumerable.Range(_open.Count, pages - _open.Count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, token) =>
        {
            var member = $"page-{i:00000}-{Guid.NewGuid():N}"[..16];
            var session = new DashboardSession(dashboard);
            foreach (var step in new[] { await session.SignUpAsync(member, Password), await session.LogInAsync(member, Password) })
            {
                if (step.StatusCode != System.Net.HttpStatusCode.Redirect)
                {
                    throw new InvalidOperationException($"Signing up and logging in {member} failed: {step.StatusCode}.");
                }
            }
            var page = await LiveMemberPage.OpenAsync(dashboard, member, session.CookieHeader, await session.PageAsync("/"), token);
            await page.WaitForRendersAsync(1, TimeSpan.FromSeconds(60));
            opened.Add((page, session));
        });
        _open.AddRange(opened);
    }

    /// <summary>
    /// Waits until the dashboard has made no DynamoDB request for three seconds (at most a minute): the readings sent
    /// before, and the pages just opened, are through.
    /// </summary>
    private async Task SettledAsync()
    {
        var clock = Stopwatch.StartNew();
        var last = -1L;
        var quietSince = clock.Elapsed;
        while (clock.Elapsed < TimeSpan.FromMinutes(1))
        {
            var now = backend.Telemetry.Counter("dashboard", "gymiot.dynamodb.requests");
            if (now != last)
            {
                (last, quietSince) = (now, clock.Elapsed);
            }
            else if (clock.Elapsed - quietSince >= TimeSpan.FromSeconds(3))
            {
                return;
            }
            await Task.Delay(500);
        }
    }

    /// <summary>
    /// The dashboard's DynamoDB requests per second while <paramref name="during"/> runs (its counter is exported every
    /// second), and the render batches the open pages received per second meanwhile: each comes from a change of its member.
    /// </summary>
    private async Task<(double Requests, double Renders)> ReadsPerSecondAsync(Func<Task> during)
    {
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var before = backend.Telemetry.Counter("dashboard", "gymiot.dynamodb.requests");
        var rendersBefore = _open.Sum(p => p.Page.Renders);
        var clock = Stopwatch.StartNew();
        await during();
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        var after = backend.Telemetry.Counter("dashboard", "gymiot.dynamodb.requests");
        var renders = _open.Sum(p => p.Page.Renders) - rendersBefore;
        return ((after - before) / clock.Elapsed.TotalSeconds, renders / clock.Elapsed.TotalSeconds);
    }

    public async ValueTask CloseAsync()
    {
        foreach (var (page, session) in _open)
        {
            await page.DisposeAsync();
            session.Dispose();
        }
        _open.Clear();
    }
}
