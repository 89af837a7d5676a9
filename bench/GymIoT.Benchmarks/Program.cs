using System.Globalization;
using GymIoT.Benchmarks;
using GymIoT.TestSupport;

// Measures, in one run on one machine: the emulators' raw ceilings, GymIoT's pipeline in a burst and at a steady rate,
// and the member home's render time for a member with two years of history.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var options = BenchmarkOptions.Parse(args);
var serviceEnvironment = BenchmarkOptions.ServiceEnvironment(args);
Console.WriteLine($"GymIoT benchmark: {options}");
if (serviceEnvironment.Count > 0)
{
    Console.WriteLine($"Service environment: {string.Join(", ", serviceEnvironment.Select(e => $"{e.Service}: {e.Name}={e.Value}"))}");
}
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1 << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

var clock = System.Diagnostics.Stopwatch.StartNew();
void Progress(string done) => Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {done}");

await using var backend = await BenchmarkBackend.StartAsync(serviceEnvironment);
Progress("system started");
// 50 readings a member and about 800 a device: a burst within the daily limits of every item (ItemLimits).
const int GymDevicesPerMachine = 16;
// Goal 1: the burst's throughput against the SQS receive + delete ceiling measured in the same run.
const double BurstShareOfSqsCeilingGoal = 0.70;
var pipeline = new PipelineRun(backend, options.Members, options.TraceEvery, GymDevicesPerMachine);
var rows = new List<(string Measure, string Value)>();

// Before a phase that measures a steady rate: waits (at most 5 minutes) until no queue holds a message, and reports it.
async Task UntilQueuesEmptyAsync(string phase)
{
    var (waited, left) = await backend.UntilQueuesEmptyAsync(TimeSpan.FromMinutes(5));
    rows.Add(($"{phase}: waited first for every queue to empty; messages left", $"{waited.TotalSeconds:N0} s; {BenchmarkBackend.DescribeMessagesLeft(left)}"));
}

// The emulators' ceilings first, with the aggregator stopped so it takes no share of the cores: restarted later, it
// would count its readings from zero again while the run still held its old count, and wait for readings long counted.
var (sqsCeiling, dynamoDbCeiling) = (Ceiling.NotMeasured, Ceiling.NotMeasured);
if (options.Runs("pipeline"))
{
    await backend.StopAsync("aggregator");
    sqsCeiling = await RawCeilings.SqsReceiveAndDeleteAsync(backend, options.CeilingOperations, consumers: 8);
    dynamoDbCeiling = await RawCeilings.DynamoDbUpdateItemAsync(backend, options.CeilingOperations, options.Concurrency);
    await backend.StartAsync("aggregator");
    Progress("ceilings measured");
}

if (options.Runs("traces"))
{
    // First, while the services have had nothing to do since they started (the ceilings touch only the emulators).
    var traces = await new TracesRun(backend).MeasureAsync(options.IdleSeconds, options.TracedReadings);
    rows.Add(($"traces per idle minute (all / from polling, health probes and periodic reads)", $"{traces.PerIdleMinute:N1} / {traces.FromPollingPerIdleMinute:N1} (goal from polling: 0: {(traces.FromPollingPerIdleMinute == 0 ? "met" : "**not met**")})"));
    rows.Add(($"traces per reading ({traces.Readings:N0} readings, each traced)", $"{traces.PerReading:N2} (goal: 1: {(Math.Abs(traces.PerReading - 1) < 0.05 ? "met" : "**not met**")})"));
    Progress("traces measured");
}

if (options.Runs("pipeline"))
{
    var aggregatorPid = backend.App.ProcessIdOf("aggregator");

    await pipeline.EnrolAsync();
    Progress("aggregator started, members enrolled");
    var steady = await pipeline.SteadyAsync(options.SteadyRate, options.SteadySeconds);
    Progress("steady rate measured");
    await Task.Delay(TimeSpan.FromSeconds(3));
    var writesBefore = backend.Telemetry.Counter("aggregator", "gymiot.dynamodb.writes");
    var cost = new RunCost(backend, "burst");
    cost.Start();
    var burst = await pipeline.BurstAsync(options.Readings);
    cost.Stop(burst.Seconds);
    Progress("burst measured");
    await Task.Delay(TimeSpan.FromSeconds(3));
    var writes = backend.Telemetry.Counter("aggregator", "gymiot.dynamodb.writes") - writesBefore;
    var peakRss = BenchmarkBackend.PeakRssMegabytes(aggregatorPid);
    var exact = await pipeline.AggregatesAreExactAsync();

    rows.Add(("SQS receive + delete ceiling (8 consumers)", sqsCeiling.Describe("msg/s")));
    rows.Add(($"DynamoDB UpdateItem ceiling ({options.Concurrency} callers)", dynamoDbCeiling.Describe("ops/s")));
    rows.Add(($"steady {options.SteadyRate}/s for {options.SteadySeconds} s: send-to-stored p50 / p95 / p99", $"{steady.P50:N0} / {steady.P95:N0} / {steady.P99:N0} ms ({steady.Measured:N0} sampled; goal p95 < 500, p99 < 1,000: {(steady.P95 < 500 && steady.P99 < 1000 ? "met" : "**not met**")})"));
    rows.Add(($"steady: of which send → its batch begun p50 / p95", $"{steady.InHandP50:N0} / {steady.InHandP95:N0} ms"));
    rows.Add(("burst: readings", $"{burst.Readings:N0} ({burst.Measured:N0} sampled for latency)"));
    rows.Add(("burst: pipeline throughput", $"{burst.ReadingsPerSecond:N0} readings/s in {burst.Seconds:N1} s"));
    rows.Add(("burst: pipeline / DynamoDB ceiling", $"{burst.ReadingsPerSecond / dynamoDbCeiling.PerSecond:N2}"));
    rows.Add(("burst: pipeline / SQS receive + delete ceiling", $"{burst.ReadingsPerSecond / sqsCeiling.PerSecond:N2} (goal ≥ {BurstShareOfSqsCeilingGoal:N2}: {(burst.ReadingsPerSecond / sqsCeiling.PerSecond >= BurstShareOfSqsCeilingGoal ? "met" : "**not met**")})"));
    rows.Add(("burst: send-to-stored p50 / p95 / p99", $"{burst.P50:N0} / {burst.P95:N0} / {burst.P99:N0} ms"));
    rows.Add(("burst: DynamoDB writes per reading", $"{(double)writes / burst.Readings:N3} ({writes:N0} writes)"));
    rows.Add(("burst: aggregator peak RSS", $"{peakRss:N0} MB (goal < 200 MB: {(peakRss < 200 ? "met" : "**not met**")})"));
    rows.AddRange(cost.Rows());
    rows.Add(CpuBound(cost.Cores, burst.ReadingsPerSecond, sqsCeiling));
    rows.Add(("every aggregate exact after both phases", exact));
    Progress("pipeline measured");
}

if (options.Runs("member-home"))
{
    var render = await new MemberHomeRender(backend, pipeline).MeasureAsync(options.Renders, options.HistoryDays);
    rows.Add(($"member home, {options.HistoryDays} days of history ({render.HistoryReadings:N0} readings): first render p50 / p95 / p99", $"{render.P50:N1} / {render.P95:N1} / {render.P99:N1} ms ({render.Renders:N0} renders)"));
    rows.Add(("member home: DynamoDB requests per render", $"{render.DynamoDbRequestsPerRender:N2}"));
    Progress("member-home measured");
}

if (options.Runs("live-pages"))
{
    await pipeline.EnrolAsync();
    var live = new LivePagesRun(backend, pipeline);
    foreach (var pages in new[] { options.Pages, options.MorePages }.Where(p => p > 0).Distinct())
    {
        // Item 5 is the push path at a steady rate, not behind a backlog: after the burst the coach still works off its
        // readings through the same store.
        await UntilQueuesEmptyAsync($"{pages} open member homes");
        var cost = new RunCost(backend, $"{pages} open member homes at {options.PageRate}/s");
        var run = await live.MeasureAsync(pages, options.PageRate, options.PageSeconds, options.PageEvery, cost);
        // No reading is sent, but the coach may still be coaching the pages' members' readings of the phase before: those
        // changes re-render their pages, and each costs the page's reads. Reads that grew with open pages would come without.
        var readsMet = run.IdleReadsPerSecond <= LivePagesRun.IdleReadsAllowed + LivePagesRun.ReadsPerChangeAllowed * run.IdleRendersPerSecond;
        rows.Add(($"{run.Pages} open member homes: dashboard DynamoDB requests/s with no reading; page renders/s from changes still arriving",
            $"{run.IdleReadsPerSecond:N2}; {run.IdleRendersPerSecond:N2} (goal: reads grow with changes, not with open pages, at most {LivePagesRun.ReadsPerChangeAllowed} a render and {LivePagesRun.IdleReadsAllowed}/s besides: {(readsMet ? "met" : "**not met**")})"));
        rows.Add(($"{run.Pages} open member homes: dashboard DynamoDB requests/s at {run.ReadingsPerSecond:N0} readings/s ({run.PageReadings:N0} for the open pages' members)", $"{run.LoadedReadsPerSecond:N1} ({run.LoadedReadsPerSecond / (run.PageReadings / (double)options.PageSeconds):N1} per reading of an open page's member)"));
        rows.Add(($"{run.Pages} open member homes: device → page p50 / p95 / p99", $"{run.P50:N0} / {run.P95:N0} / {run.P99:N0} ms ({run.Measured:N0} of {run.PageReadings:N0} readings shown; goal p95 < 1 s: {(run.P95 < 1000 && run.Measured == run.PageReadings ? "met" : "**not met**")})"));
        rows.Add(($"{run.Pages} open member homes: of which send → stored p95, and stored → page p50 / p95", $"{run.StoredP95:N0} ms, and {run.PushP50:N0} / {run.PushP95:N0} ms"));
        rows.Add(cost.CpuRow());
    }
    await live.CloseAsync();
    Progress("live-pages measured");
}

if (options.Runs("soak"))
{
    // A fleet, not one gym: at 200 readings/s a device of a 16-device gym would log thousands of sessions a day, and
    // the reading-id set of its day item would outgrow what DynamoDB allows an item (400 KB).
    // Devices of its own as well: after the other parts (--with-soak) the gym's hold more than half their daily limit.
    var fleet = new PipelineRun(backend, options.SoakMembers, options.TraceEvery, options.SoakDevices, memberPrefix: "soak", firstDeviceUnit: GymDevicesPerMachine + 1);
    await fleet.EnrolAsync();
    // After the other parts (--with-soak), what they left in the queues is not the soak's to handle or to count.
    await UntilQueuesEmptyAsync("soak");
    var soakCost = new RunCost(backend, "soak");
    var soak = await new SoakRun(backend, fleet, soakCost).RunAsync(
        options.SoakRate, TimeSpan.FromMinutes(options.SoakMinutes), options.SoakBadPercent / 100.0, TimeSpan.FromMinutes(options.SoakWindowMinutes));
    var exact = await fleet.AggregatesAreExactAsync();
    rows.Add(($"soak: {options.SoakRate}/s for {options.SoakMinutes} min, {options.SoakBadPercent}% misread, {options.SoakMembers:N0} members, {options.SoakDevices * 4:N0} devices", $"{soak.Sent:N0} sent ({soak.Bad:N0} misread) at {soak.ReadingsPerSecond:N1}/s; all handled after {soak.Seconds:N0} s"));
    rows.Add(("soak: send-to-stored p50 / p95 / p99", $"{soak.P50:N0} / {soak.P95:N0} / {soak.P99:N0} ms"));
    rows.Add(("soak: stored / reported to Errors / notifications (email + webhook)", $"{soak.Stored:N0} / {soak.Rejected:N0} / {soak.Notifications:N0}"));
    rows.Add(("soak: webhook calls accepted", $"{backend.Webhook.Accepted.Count():N0}"));
    rows.Add(("soak: readings coached by the end", $"{soak.Coached:N0}"));
    rows.Add(("soak: messages left in any queue or DLQ", BenchmarkBackend.DescribeMessagesLeft(soak.LeftInQueues)));
    rows.Add(("soak: every aggregate exact", exact));
    rows.AddRange(soakCost.Rows());
    foreach (var window in soak.Windows)
    {
        rows.Add(($"soak window to {window.End:mm\\:ss}: readings/s, p95, cores busy (machine; dynamodb)",
            $"{window.ReadingsPerSecond:N1}/s, {window.P95:N0} ms ({window.Sampled:N0} sampled), {window.Cores[BenchmarkBackend.Machine]:N2}; {window.Cores["dynamodb"]:N2}"));
    }
    // Goal 4: every service's RSS grows < 5% over the soak's last 20 minutes: the median of the window that ends 20
    // minutes before the last one ends (the first window of a shorter soak) against the last window's.
    // The emulators hold what the soak wrote, so theirs grows by design.
    var end = soak.Windows.LastOrDefault();
    var from = end is null ? null : soak.Windows.MinBy(w => Math.Abs((w.End - (end.End - TimeSpan.FromMinutes(20))).TotalSeconds));
    foreach (var resource in BenchmarkBackend.Processes)
    {
        var (before, after) = (from?.RssMegabytes[resource] ?? soak.RssAtStart[resource], end?.RssMegabytes[resource] ?? soak.RssAtStart[resource]);
        var growth = (after - before) / before;
        var goal = BenchmarkBackend.Services.Contains(resource) ? $", goal < 5%: {(growth < 0.05 ? "met" : "**not met**")}" : ", holds the data";
        rows.Add(($"soak RSS {resource}: idle / window to {from?.End ?? TimeSpan.Zero:mm\\:ss} / last window (medians; growth)",
            $"{soak.RssAtStart[resource]:N0} / {before:N0} / {after:N0} MB ({growth:+0%;-0%;0%}{goal})"));
        if (soak.ServiceMemoryAtStart.TryGetValue(resource, out var idle))
        {
            rows.Add(($"soak memory {resource}, of it: idle / at {from?.End ?? TimeSpan.Zero:mm\\:ss} / end (MB)",
                $"{idle} / {from?.ServiceMemory[resource] ?? idle} / {end?.ServiceMemory[resource] ?? idle}"));
        }
    }
    Progress("soak measured");
}

// Item 1's bound on this machine: the CPU the whole machine spends on a reading of the burst against what it spends on a
// message of the SQS ceiling; at the burst's cost, all the cores would move at most so many readings a second.
static (string Measure, string Value) CpuBound(IReadOnlyDictionary<string, double> burstCores, double readingsPerSecond, Ceiling sqs)
{
    double Milliseconds(double cores, double perSecond) => cores / perSecond * 1000;
    var perReading = Milliseconds(burstCores[BenchmarkBackend.Machine], readingsPerSecond);
    var perMessage = Milliseconds(sqs.Cores.GetValueOrDefault(BenchmarkBackend.Machine), sqs.PerSecond);
    var most = Environment.ProcessorCount * 1000 / perReading;
    var parts = string.Join(", ", burstCores.Where(c => c.Key is "dynamodb" or "aggregator" or "sqs" or "coach").OrderByDescending(c => c.Value)
        .Select(c => $"{c.Key} {Milliseconds(c.Value, readingsPerSecond):N2}"));
    return ("burst: machine CPU per reading (of it by process) / per message of the SQS ceiling; the most the cores move at the burst's cost",
        $"{perReading:N2} ms ({parts}) / {perMessage:N3} ms; {most:N0} readings/s, {most / sqs.PerSecond:N2} of the ceiling ({BurstShareOfSqsCeilingGoal:N2} needs ≤ {Environment.ProcessorCount * 1000 / (BurstShareOfSqsCeilingGoal * sqs.PerSecond):N2} ms a reading)");
}

Console.WriteLine();
Console.WriteLine("| measure | value |");
Console.WriteLine("|---|---|");
foreach (var (measure, value) in rows)
{
    Console.WriteLine($"| {measure} | {value} |");
}
