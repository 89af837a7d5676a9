using System.Collections.Concurrent;
using System.Diagnostics;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.TestSupport;

namespace GymIoT.Benchmarks;

/// <summary>
/// What the system did in one window of a soak, the cores each process took in it (the benchmark's own included), and
/// the resident memory of each watched process (the median of its samples in the window), and where each service's is at
/// its end.
/// </summary>
public sealed record SoakWindow(
    TimeSpan End,
    double ReadingsPerSecond,
    double P95,
    int Sampled,
    IReadOnlyDictionary<string, double> Cores,
    IReadOnlyDictionary<string, double> RssMegabytes,
    IReadOnlyDictionary<string, ServiceMemory> ServiceMemory);

public sealed record SoakResult(
    int Sent,
    int Bad,
    double Seconds,
    double ReadingsPerSecond,
    double P50,
    double P95,
    double P99,
    long Stored,
    long Rejected,
    long Notifications,
    long Coached,
    IReadOnlyDictionary<string, int> LeftInQueues,
    IReadOnlyDictionary<string, double> RssAtStart,
    IReadOnlyDictionary<string, ServiceMemory> ServiceMemoryAtStart,
    IReadOnlyList<SoakWindow> Windows);

/// <summary>
/// Runs the whole system (aggregator, coach, notifier with email and webhook, dashboard, emulators) under a steady load for a
/// long time: readings of the bench members at a fixed rate, a share of them misread the ways sensors misread, each with
/// a trace of its own. Every window it notes the throughput, the send-to-stored p95 of the readings sent in it, the CPU
/// each process took and the resident memory (VmRSS) of every service and emulator, so that a leak, a slowdown or a
/// saturated machine shows.
/// </summary>
public sealed class SoakRun(BenchmarkBackend backend, PipelineRun pipeline, RunCost cost)
{
    private readonly Random _random = new(7);

    public async Task<SoakResult> RunAsync(int ratePerSecond, TimeSpan duration, double badShare, TimeSpan window)
    {
        using var sqs = backend.Aws.CreateSqsClient();
        var urls = await PipelineRun.MachineQueueUrlsAsync(sqs);
        var goodSentAt = new ConcurrentDictionary<string, DateTimeOffset>();
        var badSentAt = new ConcurrentDictionary<string, DateTimeOffset>();
        var rssAtStart = Rss();
        var memoryAtStart = ServiceMemoryNow();
        var storedBefore = backend.Telemetry.Counter("aggregator", "gymiot.readings.processed");
        var rejectedBefore = backend.Telemetry.Counter("aggregator", "gymiot.readings.rejected");
        var handledBefore = storedBefore + rejectedBefore;
        var notificationsBefore = backend.Telemetry.Counter("error-notifier", "gymiot.notifications.sent");
        var coachedBefore = backend.Telemetry.Counter("coach", "gymiot.coach.readings");
        var sent = 0;
        var bad = 0;

        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        cost.Start();
        var windows = new List<(TimeSpan End, long Handled, IReadOnlyDictionary<string, double> Cores, IReadOnlyDictionary<string, double> Rss, IReadOnlyDictionary<string, ServiceMemory> Memory)>();
        var (lastEnd, lastCpu) = (TimeSpan.Zero, backend.CpuSecondsByProcess());
        // A service's RSS moves by a few MB from one moment to the next: a window's is the median of a sample every 10 s.
        var rssSamples = BenchmarkBackend.Processes.ToDictionary(resource => resource, _ => new List<double>());
        void SampleRss()
        {
            foreach (var (resource, rss) in Rss())
            {
                rssSamples[resource].Add(rss);
            }
        }
        void CloseWindow()
        {
            SampleRss();
            var (end, cpu) = (clock.Elapsed, backend.CpuSecondsByProcess());
            var rss = rssSamples.ToDictionary(s => s.Key, s => Percentiles.Of([.. s.Value.Order()], 0.5));
            foreach (var samples in rssSamples.Values)
            {
                samples.Clear();
            }
            windows.Add((end, Handled(), BenchmarkBackend.Cores(lastCpu, cpu, (end - lastEnd).TotalSeconds), rss, ServiceMemoryNow()));
            (lastEnd, lastCpu) = (end, cpu);
        }
        var nextWindow = window;
        for (var second = 0; second < duration.TotalSeconds; second++)
        {
            for (var tenth = 0; tenth < 10; tenth++)
            {
                var due = TimeSpan.FromSeconds(second + tenth / 10.0);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed);
                }
                var messages = Enumerable.Range(0, ratePerSecond / 10).Select(_ => NextMessage(badShare)).ToList();
                var good = messages.Where(m => m.IsGood).ToList();
                pipeline.Expect(good.Select(m => m.Reading));
                sent += messages.Count;
                bad += messages.Count - good.Count;
                await pipeline.SendAsync(sqs, urls, good.Select(m => (m.Queue, m.Body)), goodSentAt, CancellationToken.None);
                await pipeline.SendAsync(sqs, urls, messages.Where(m => !m.IsGood).Select(m => (m.Queue, m.Body)), badSentAt, CancellationToken.None);
            }
            if (clock.Elapsed >= nextWindow)
            {
                CloseWindow();
                Console.WriteLine($"  soak {clock.Elapsed:mm\\:ss}: {sent:N0} sent, {windows[^1].Handled - handledBefore:N0} handled, cores {BenchmarkBackend.DescribeCores(windows[^1].Cores)}, RSS (window median) {string.Join(", ", windows[^1].Rss.Select(r => $"{r.Key} {r.Value:N0} MB"))}");
                Console.WriteLine($"    of it: {string.Join("; ", windows[^1].Memory.Select(m => $"{m.Key} {m.Value}"))}");
                nextWindow += window;
            }
            else if (second % 10 == 9)
            {
                SampleRss();
            }
        }
        var sendSeconds = clock.Elapsed.TotalSeconds;
        cost.Stop(sendSeconds);
        if (windows.Count == 0 || windows[^1].End < clock.Elapsed - TimeSpan.FromSeconds(1))
        {
            CloseWindow();
        }

        await Polling.UntilAsync(() => Handled() - handledBefore >= sent, TimeSpan.FromMinutes(10), TimeSpan.FromMilliseconds(200));
        var seconds = clock.Elapsed.TotalSeconds;
        await Polling.UntilAsync(
            () => backend.Telemetry.Counter("error-notifier", "gymiot.notifications.sent") - notificationsBefore >= 2L * bad, TimeSpan.FromMinutes(5), TimeSpan.FromMilliseconds(200));
        var stored = await pipeline.WaitUntilStoredAsync(goodSentAt, TimeSpan.FromSeconds(30));
        var latencies = stored.Select(s => (Sent: goodSentAt[s.Key] - startedAt, Ms: (s.Value - goodSentAt[s.Key]).TotalMilliseconds)).ToList();
        var all = latencies.Select(l => l.Ms).Order().ToList();

        var result = new List<SoakWindow>();
        var start = (End: TimeSpan.Zero, Handled: handledBefore);
        foreach (var (end, handled, cores, rss, memory) in windows)
        {
            var inWindow = latencies.Where(l => l.Sent > start.End && l.Sent <= end).Select(l => l.Ms).Order().ToList();
            result.Add(new SoakWindow(end, (handled - start.Handled) / (end - start.End).TotalSeconds, Percentiles.Of(inWindow, 0.95), inWindow.Count, cores, rss, memory));
            start = (end, handled);
        }
        var left = await backend.MessagesLeftAsync();
        return new SoakResult(
            sent, bad, seconds, sent / sendSeconds, Percentiles.Of(all, 0.50), Percentiles.Of(all, 0.95), Percentiles.Of(all, 0.99),
            backend.Telemetry.Counter("aggregator", "gymiot.readings.processed") - storedBefore,
            backend.Telemetry.Counter("aggregator", "gymiot.readings.rejected") - rejectedBefore,
            backend.Telemetry.Counter("error-notifier", "gymiot.notifications.sent") - notificationsBefore,
            backend.Telemetry.Counter("coach", "gymiot.coach.readings") - coachedBefore,
            left, rssAtStart, memoryAtStart, result);
    }

    private SimulatedMessage NextMessage(double badShare)
    {
        var reading = pipeline.NewSession();
        return _random.NextDouble() < badShare
            ? Misreadings.Make(Misreadings.Kinds[_random.Next(Misreadings.Kinds.Count)], reading, _random)
            : new SimulatedMessage(reading.Machine, Misreadings.GoodBody(reading), reading, null, OriginalFormat: false);
    }

    private long Handled() =>
        backend.Telemetry.Counter("aggregator", "gymiot.readings.processed") + backend.Telemetry.Counter("aggregator", "gymiot.readings.rejected");

    private Dictionary<string, double> Rss() =>
        BenchmarkBackend.Processes.ToDictionary(resource => resource, resource => BenchmarkBackend.RssMegabytes(backend.App.ProcessIdOf(resource)));

    private Dictionary<string, ServiceMemory> ServiceMemoryNow() =>
        BenchmarkBackend.Services.ToDictionary(service => service, service => ServiceMemory.Of(backend, service));
}
