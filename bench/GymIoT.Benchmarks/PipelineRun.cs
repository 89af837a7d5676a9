using System.Collections.Concurrent;
using System.Diagnostics;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Core.Messaging;
using GymIoT.Core.Readings;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.DeviceSimulator.Gym;
using GymIoT.TestSupport;
using GymIoT.Core.Machines;

namespace GymIoT.Benchmarks;

/// <param name="InHandP50">Send to the start of the batch that stores it (in the queue, received, waiting for a batch), median.</param>
public sealed record PipelineResult(int Readings, double Seconds, double ReadingsPerSecond, double P50, double P95, double P99, int Measured, double InHandP50, double InHandP95);

/// <summary>
/// Sends readings straight to the machine queues, each with a trace of its own (one in <paramref name="traceEvery"/>
/// sampled, so exporting spans does not become the load), and measures throughput until the aggregator's
/// <c>gymiot.readings.processed</c> counter has them all, and send-to-stored latency from the sampled readings'
/// "store reading" spans. Its members are named <paramref name="memberPrefix"/>-00000 and on: two runs in one benchmark
/// need two prefixes, or each would count the other's readings as its own. Its devices are units
/// <paramref name="firstDeviceUnit"/> and on of each machine: two runs in one benchmark need units of their own, or
/// together they would pass a device's daily limit (<c>ItemLimits.ReadingsPerDeviceDay</c>) that neither passes alone.
/// </summary>
public sealed class PipelineRun(BenchmarkBackend backend, int members, int traceEvery, int devicesPerMachine = 4, string memberPrefix = "bench", int firstDeviceUnit = 1)
{
    private const string Processed = "gymiot.readings.processed";
    private readonly Dictionary<string, HashSet<string>> _expected = [];
    private readonly Random _random = new(42);
    private readonly List<Member> _members = [];
    private readonly List<Device> _devices = [.. MachineCatalogue.All.SelectMany(m => Enumerable.Range(firstDeviceUnit, devicesPerMachine).Select(u => new Device(Device.IdFor(m, u), m)))];

    /// <summary>Enrols the run's members, once however often it is asked (each part that uses them asks).</summary>
    public async Task EnrolAsync()
    {
        if (_members.Count > 0)
        {
            return;
        }
        using var dynamoDb = backend.Aws.CreateDynamoDbClient();
        var store = new MemberStore(dynamoDb);
        _members.AddRange(Enumerable.Range(0, members).Select(i =>
            new Member($"{memberPrefix}-{i:00000}", "Bench", $"{i}", i % 2 == 0 ? Sex.Female : Sex.Male, new DateOnly(1990, 1, 1), 60 + i % 40, 170)));
        await Parallel.ForEachAsync(_members, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (member, _) => await store.EnrollAsync(member));
    }

    /// <summary>All readings as fast as the sender can go.</summary>
    public Task<PipelineResult> BurstAsync(int readings) => RunAsync(readings, ratePerSecond: null);

    /// <summary>Readings at a steady rate, as a busy gym sends them.</summary>
    public Task<PipelineResult> SteadyAsync(int ratePerSecond, int seconds) => RunAsync(ratePerSecond * seconds, ratePerSecond);

    /// <summary>
    /// Sends a member's training over the last <paramref name="days"/> days, as a regular goes: three to five workouts a
    /// week of one or two machines, plus two sessions today; returns the number of readings.
    /// </summary>
    public async Task<int> HistoryAsync(string memberId, int days)
    {
        var member = SignedUp(memberId);
        var now = DateTimeOffset.UtcNow;
        var readings = new List<Reading>();
        for (var day = days; day >= 0; day--)
        {
            if (day > 0 && _random.NextDouble() > 4.0 / 7)
            {
                continue;
            }
            var end = day == 0 ? now.AddMinutes(-1) : now.AddDays(-day).AddMinutes(-_random.Next(600));
            for (var session = 0; session < (day == 0 ? 2 : 1 + _random.Next(2)); session++)
            {
                var reading = SessionFactory.Session(member, _devices[_random.Next(_devices.Count)], end, _random);
                readings.Add(reading);
                end = reading.StartedAt.AddMinutes(-5);
            }
        }
        await RunAsync(readings, ratePerSecond: null);
        return readings.Count;
    }

    /// <summary>A session of a bench member on a random device that ended a minute ago; <see cref="Expect"/> it once sent, if good.</summary>
    public Reading NewSession() =>
        SessionFactory.Session(_members[_random.Next(_members.Count)], _devices[_random.Next(_devices.Count)], DateTimeOffset.UtcNow.AddMinutes(-1), _random);

    /// <summary>A session that ended a minute ago of a member signed up through the dashboard (its session's profile), on a random device.</summary>
    public Reading SessionOf(string memberId) =>
        SessionFactory.Session(SignedUp(memberId), _devices[_random.Next(_devices.Count)], DateTimeOffset.UtcNow.AddMinutes(-1), _random);

    /// <summary>A member as <see cref="GymIoT.TestSupport.DashboardSession.SignUpAsync"/> signs them up.</summary>
    private static Member SignedUp(string memberId) => new(memberId, "Test", memberId, Sex.Female, new DateOnly(1992, 2, 2), 61, 168);

    /// <summary>Good readings of the bench members sent, which <see cref="AggregatesAreExactAsync"/> accounts for.</summary>
    public void Expect(IEnumerable<Reading> goodReadings)
    {
        foreach (var reading in goodReadings)
        {
            if (!_expected.TryGetValue(reading.MemberId, out var ids))
            {
                _expected[reading.MemberId] = ids = [];
            }
            ids.Add(reading.ReadingId);
        }
    }

    private Task<PipelineResult> RunAsync(int count, int? ratePerSecond)
    {
        var readings = Enumerable.Range(0, count).Select(_ => NewSession()).ToList();
        Expect(readings);
        return RunAsync(readings, ratePerSecond);
    }

    private async Task<PipelineResult> RunAsync(IReadOnlyList<Reading> readings, int? ratePerSecond)
    {
        var count = readings.Count;
        using var sqs = backend.Aws.CreateSqsClient();
        var urls = await MachineQueueUrlsAsync(sqs);
        var sentAt = new ConcurrentDictionary<string, DateTimeOffset>();
        var processedBefore = backend.Telemetry.Counter("aggregator", Processed);

        var clock = Stopwatch.StartNew();
        var batches = readings.Chunk(10).Select((chunk, index) => (chunk, index)).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = ratePerSecond is null ? 8 : 1 }, async (batch, token) =>
        {
            if (ratePerSecond is { } rate)
            {
                var due = TimeSpan.FromSeconds(batch.index * 10.0 / rate);
                if (due > clock.Elapsed)
                {
                    await Task.Delay(due - clock.Elapsed, token);
                }
            }
            await SendAsync(sqs, urls, batch.chunk.Select(r => (r.Machine, Misreadings.GoodBody(r))), sentAt, token);
        });

        await WaitUntilProcessedAsync(processedBefore + count, TimeSpan.FromMinutes(10));
        var seconds = clock.Elapsed.TotalSeconds;
        var stored = await WaitUntilStoredAsync(sentAt, TimeSpan.FromSeconds(30));
        var latencies = stored.Select(s => (s.Value - sentAt[s.Key]).TotalMilliseconds).Order().ToList();
        var batchStarts = BatchStarts(sentAt);
        var inHand = batchStarts.Select(s => (s.Value - sentAt[s.Key]).TotalMilliseconds).Order().ToList();
        return new PipelineResult(count, seconds, count / seconds, Percentiles.Of(latencies, 0.50), Percentiles.Of(latencies, 0.95), Percentiles.Of(latencies, 0.99), latencies.Count,
            Percentiles.Of(inHand, 0.50), Percentiles.Of(inHand, 0.95));
    }

    /// <summary>
    /// "yes" when the month aggregates of the bench members hold exactly the good readings sent (as many sessions, and
    /// every reading id recorded, each counted once); otherwise how many differ, with the first members that do and the
    /// reading ids their month item lacks.
    /// </summary>
    public async Task<string> AggregatesAreExactAsync()
    {
        var first = await CompareAggregatesAsync();
        if (first == "yes")
        {
            return first;
        }
        // Late or lost: a reading delivered twice is counted by the aggregator twice, so its counter can reach the total
        // while a slow update is still on its way.
        await Task.Delay(TimeSpan.FromSeconds(60));
        return $"{first}; 60 s later: {await CompareAggregatesAsync()}";
    }

    private async Task<string> CompareAggregatesAsync()
    {
        using var dynamoDb = backend.Aws.CreateDynamoDbClient();
        var sessions = 0m;
        var differences = new List<string>();
        foreach (var member in _members)
        {
            var response = await dynamoDb.QueryAsync(new Amazon.DynamoDBv2.Model.QueryRequest
            {
                TableName = GymIoT.Core.Storage.TableNames.MemberActivity,
                KeyConditionExpression = "MemberId = :m AND begins_with(#p, :month)",
                ExpressionAttributeNames = new() { ["#p"] = "Period" },
                ExpressionAttributeValues = new() { [":m"] = new() { S = member.MemberId }, [":month"] = new() { S = "M#" } },
                ConsistentRead = true,
            });
            var found = response.Items.Sum(i => i.TryGetValue("Sessions", out var n) ? decimal.Parse(n.N) : 0);
            sessions += found;
            var expected = _expected.GetValueOrDefault(member.MemberId) ?? [];
            if (found != expected.Count)
            {
                var recorded = RecordedIds(response.Items);
                var lacking = expected.Where(id => !recorded.Contains(id)).ToList();
                var inDayItems = RecordedIds((await dynamoDb.QueryAsync(new Amazon.DynamoDBv2.Model.QueryRequest
                {
                    TableName = GymIoT.Core.Storage.TableNames.MemberActivity,
                    KeyConditionExpression = "MemberId = :m AND begins_with(#p, :day)",
                    ExpressionAttributeNames = new() { ["#p"] = "Period" },
                    ExpressionAttributeValues = new() { [":m"] = new() { S = member.MemberId }, [":day"] = new() { S = "D#" } },
                    ConsistentRead = true,
                })).Items);
                differences.Add($"{member.MemberId}: {expected.Count} sent, {found} sessions, lacking {lacking.Count} ({lacking.Count(inDayItems.Contains)} of them in the day items) [{string.Join(", ", lacking)}]");
            }
        }
        var sent = _expected.Values.Sum(ids => ids.Count);
        return differences.Count == 0
            ? "yes"
            : $"NO: {sent:N0} readings sent, {sessions:N0} sessions in the month aggregates; {differences.Count} members differ: {string.Join("; ", differences.Take(5))}";
    }

    private static HashSet<string> RecordedIds(IEnumerable<Dictionary<string, Amazon.DynamoDBv2.Model.AttributeValue>> items) =>
        [.. items.SelectMany(i => i.TryGetValue(GymIoT.Core.Storage.ActivityAttributes.AppliedIds, out var ids) ? ids.SS ?? [] : [])];

    /// <summary>Waits for the aggregator's count; a count that never comes is an error, not a figure.</summary>
    private async Task WaitUntilProcessedAsync(long target, TimeSpan timeout)
    {
        await Polling.UntilAsync(() => backend.Telemetry.Counter("aggregator", Processed) >= target, timeout, TimeSpan.FromMilliseconds(100));
        var processed = backend.Telemetry.Counter("aggregator", Processed);
        if (processed < target)
        {
            throw new TimeoutException($"The aggregator counted {processed:N0} readings processed, not {target:N0}, within {timeout.TotalMinutes:N0} min.");
        }
    }

    public static async Task<Dictionary<string, string>> MachineQueueUrlsAsync(IAmazonSQS sqs)
    {
        var urls = new Dictionary<string, string>();
        foreach (var machine in MachineCatalogue.All.Select(m => m.Name))
        {
            urls[machine] = (await sqs.GetQueueUrlAsync(machine)).QueueUrl;
        }
        return urls;
    }

    /// <summary>
    /// Sends messages to their machine queues in batches, each with a trace of its own; one in <c>traceEvery</c> (or in
    /// <paramref name="sampleEvery"/>) is sampled and its send time recorded under its trace id.
    /// </summary>
    public async Task SendAsync(
        IAmazonSQS sqs, Dictionary<string, string> urls, IEnumerable<(string Queue, string Body)> messages, ConcurrentDictionary<string, DateTimeOffset> sentAt, CancellationToken token,
        int? sampleEvery = null)
    {
        foreach (var queue in messages.GroupBy(m => m.Queue).SelectMany(q => q.Chunk(GymIoT.Core.Aws.AwsLimits.SqsBatchEntries)))
        {
            var entries = new List<SendMessageBatchRequestEntry>();
            var traces = new List<string>();
            foreach (var (_, body) in queue)
            {
                var sampled = Random.Shared.Next(sampleEvery ?? traceEvery) == 0;
                var context = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), sampled ? ActivityTraceFlags.Recorded : ActivityTraceFlags.None);
                var attributes = new Dictionary<string, MessageAttributeValue>();
                TraceContext.Inject(context, default, attributes);
                entries.Add(new SendMessageBatchRequestEntry($"{entries.Count}", body) { MessageAttributes = attributes });
                if (sampled)
                {
                    traces.Add(context.TraceId.ToHexString());
                }
            }
            var now = DateTimeOffset.UtcNow;
            foreach (var trace in traces)
            {
                sentAt[trace] = now;
            }
            await sqs.SendMessageBatchAsync(new SendMessageBatchRequest { QueueUrl = urls[queue[0].Queue], Entries = entries }, token);
        }
    }

    /// <summary>When the aggregator began the batch of each sampled reading (its consumer span <c>process {queue}</c>), by trace id.</summary>
    private Dictionary<string, DateTimeOffset> BatchStarts(ConcurrentDictionary<string, DateTimeOffset> sentAt) =>
        backend.Telemetry.Spans
            .Where(s => s.Service == "aggregator" && s.Kind == CapturedSpan.Consumer && sentAt.ContainsKey(s.TraceId))
            .GroupBy(s => s.TraceId)
            .ToDictionary(g => g.Key, g => g.Min(s => s.StartedAt));

    /// <summary>When each sampled reading's "store reading" span ended, by trace id; waits until all have one or the time is up.</summary>
    public async Task<Dictionary<string, DateTimeOffset>> WaitUntilStoredAsync(ConcurrentDictionary<string, DateTimeOffset> sentAt, TimeSpan timeout)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var stored = backend.Telemetry.Spans
                .Where(s => s.Service == "aggregator" && s.Name == "store reading" && sentAt.ContainsKey(s.TraceId))
                .GroupBy(s => s.TraceId)
                .ToDictionary(g => g.Key, g => g.Min(s => s.EndedAt));
            if (stored.Count >= sentAt.Count || DateTimeOffset.UtcNow > deadline)
            {
                return stored;
            }
            await Task.Delay(500);
        }
    }
}
