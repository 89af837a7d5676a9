using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.DeviceSimulator;

namespace GymIoT.Tests.Infrastructure;

/// <summary>What became of a burst, read back from DynamoDB and <c>Errors</c>.</summary>
public sealed record ReconciliationResult(int GoodReadings, int BadMessages, int ReportsFound, int MembersChecked);

/// <summary>
/// The exact account of a burst: every good reading is in its member's day and month aggregates exactly once (sessions,
/// kcal, seconds, kcal per machine), and every bad message is in <c>Errors</c> with its reason; nothing else.
/// A reading sent twice in the current format is one reading (its <c>readingId</c> is the idempotency key); in the
/// original format, which carries no id, each SQS message is a reading of its own.
/// </summary>
public static class Reconciliation
{
    public static async Task<ReconciliationResult> AssertExactAsync(EmbeddedAppFixture fixture, BurstReport burst, IReadOnlyCollection<string> members, TimeSpan timeout)
    {
        using var queues = new QueueProbe(fixture.Aws.CreateSqsClient());
        using var aggregates = new Aggregates(fixture.Aws.CreateDynamoDbClient());
        var sent = burst.Readings ?? throw new ArgumentException("The burst must be asked for with IncludeReadings.", nameof(burst));
        Assert.Equal(sent.Count, burst.Sent);
        var good = sent.Where(r => r.ExpectedRejection is null).DistinctBy(r => r.OriginalFormat ? r.MessageId : r.Reading.ReadingId).ToList();
        var bad = sent.Where(r => r.ExpectedRejection is not null).ToList();

        foreach (var member in members)
        {
            var expected = good.Where(r => r.Reading.MemberId == member).ToList();
            var items = await Eventually.ValueAsync(
                () => aggregates.MemberItemsAsync(member),
                // A reading is applied item by item: wait until the day and the month items both have them all.
                found => Aggregates.Sum(found, "M#", "Sessions") >= expected.Count && Aggregates.Sum(found, "D#", "Sessions") >= expected.Count,
                timeout);
            if (Aggregates.Sum(items, "D#", "Sessions") != expected.Count || Aggregates.Sum(items, "M#", "Sessions") != expected.Count)
            {
                Assert.Fail(await WhereTheyAreAsync(member, expected, items, queues, aggregates) + await AggregatorWarningsAsync(fixture));
            }
            Assert.Equal(expected.Count, Aggregates.Sum(items, "D#", "Sessions"));
            Assert.Equal(expected.Count, Aggregates.Sum(items, "M#", "Sessions"));
            Assert.Equal(expected.Sum(r => (decimal)r.Reading.CaloriesKcal), Aggregates.Sum(items, "D#", "Kcal"));
            Assert.Equal(expected.Sum(r => (decimal)r.Reading.CaloriesKcal), Aggregates.Sum(items, "M#", "Kcal"));
            Assert.Equal(expected.Sum(r => (decimal)r.Reading.DurationSeconds), Aggregates.Sum(items, "D#", "Seconds"));
            foreach (var machine in expected.Select(r => r.Reading.Machine).Distinct())
            {
                Assert.Equal(
                    expected.Where(r => r.Reading.Machine == machine).Sum(r => (decimal)r.Reading.CaloriesKcal),
                    Aggregates.Sum(items, "M#", $"Kcal_{machine}"));
            }
        }

        var reports = await queues.TakeReportsAsync("Errors", [.. sent.Select(r => r.MessageId!)], timeout, expected: bad.Count);
        if (bad.Where(r => !reports.ContainsKey(r.MessageId!)).ToList() is { Count: > 0 } unreported)
        {
            Assert.Fail(await WhereTheUnreportedAreAsync(unreported, queues) + await AggregatorWarningsAsync(fixture));
        }
        Assert.Equal(bad.Select(r => r.MessageId).Order(), reports.Keys.Order());
        Assert.All(bad, r => Assert.StartsWith(r.ExpectedRejection + ": ", reports[r.MessageId!].Report.Reason));
        return new ReconciliationResult(good.Count, bad.Count, reports.Count, members.Count);
    }

    /// <summary>The key a reading is recorded under in the aggregates: its id, or for the original format its message id.</summary>
    private static string AppliedIdOf(SentReading reading) => reading.OriginalFormat ? reading.MessageId! : reading.Reading.ReadingId;

    /// <summary>Says, for bad messages with no report in <c>Errors</c>, whether they wait in their machine queue or its dead-letter queue.</summary>
    private static async Task<string> WhereTheUnreportedAreAsync(IReadOnlyList<SentReading> unreported, QueueProbe queues)
    {
        var found = new Dictionary<string, string>();
        foreach (var queue in QueueNames.Machines.SelectMany(m => new[] { m, QueueNames.DeadLetterOf(m) }))
        {
            foreach (var (id, receives) in await queues.ReceiveCountsInAsync(queue))
            {
                found[id] = $"waiting in {queue}, received {receives} times";
            }
        }
        return $"{unreported.Count} bad messages have no report in Errors: " + string.Join("; ", unreported.Take(10).Select(r =>
            $"{r.MessageId} ({r.Queue}, expected {r.ExpectedRejection}): {found.GetValueOrDefault(r.MessageId!, "in no machine queue or dead-letter queue (in flight, or gone)")}"));
    }

    /// <summary>The aggregator's last warnings and errors (each with the line that follows it: its message), which say what it could not do.</summary>
    private static async Task<string> AggregatorWarningsAsync(EmbeddedAppFixture fixture)
    {
        // The Replicas app runs the aggregator as replicas, whose logs are read one by one.
        IReadOnlyList<string> aggregators = fixture is ReplicaFixture replicas
            ? await replicas.ReplicasOfAsync("aggregator", CancellationToken.None)
            : ["aggregator"];
        var warnings = new List<string>();
        foreach (var aggregator in aggregators)
        {
            // The console logger colours its level names.
            var log = (await fixture.App.TailAsync(aggregator, 5000)).Select(line => System.Text.RegularExpressions.Regex.Replace(line, @"\x1B\[[0-9;]*m", "")).ToList();
            warnings.AddRange(log
                .Select((line, i) => (line, i))
                .Where(l => l.line.Contains("warn: ", StringComparison.Ordinal) || l.line.Contains("fail: ", StringComparison.Ordinal))
                .Select(l => $"{aggregator}: {(l.i + 1 < log.Count ? $"{l.line} {log[l.i + 1].Trim()}" : l.line)}"));
        }
        return $"{Environment.NewLine}The aggregator's log has {warnings.Count} warnings and errors; the last ones:{Environment.NewLine}" +
            string.Join(Environment.NewLine, warnings.TakeLast(15));
    }

    /// <summary>Says, for a member whose aggregates are not exact, which readings are missing or extra and where they are.</summary>
    private static async Task<string> WhereTheyAreAsync(
        string member, IReadOnlyList<SentReading> expected, IReadOnlyList<Dictionary<string, AttributeValue>> items, QueueProbe queues,
        Aggregates aggregates)
    {
        var inDays = Aggregates.AppliedIds(items, "D#");
        var inMonths = Aggregates.AppliedIds(items, "M#");
        var lacking = expected.Where(r => !inDays.Contains(AppliedIdOf(r)) || !inMonths.Contains(AppliedIdOf(r))).ToList();
        var deadLetters = new Dictionary<string, int>();
        foreach (var machine in QueueNames.Machines)
        {
            foreach (var (id, receives) in await queues.ReceiveCountsInAsync(QueueNames.DeadLetterOf(machine)))
            {
                deadLetters[id] = receives;
            }
        }
        var dead = lacking.Where(r => deadLetters.ContainsKey(r.MessageId!)).ToList();
        var inDevices = new HashSet<string>();
        foreach (var device in lacking.Select(r => r.Reading.DeviceId).Distinct())
        {
            inDevices.UnionWith(Aggregates.AppliedIds(
                await aggregates.ItemsAsync(TableNames.DeviceActivity, KeyNames.DeviceId, device), "D#"));
        }
        var periods = string.Join(", ", items.Select(i =>
            $"{i[KeyNames.Period].S}: {i[ActivityAttributes.Sessions].N} sessions, {(i.TryGetValue(ActivityAttributes.AppliedIds, out var ids) ? ids.SS.Count : 0)} ids"));
        return $"{member}: {expected.Count} good readings sent; the day items hold {Aggregates.Sum(items, "D#", "Sessions")} sessions " +
            $"and {inDays.Count} ids, the month items {Aggregates.Sum(items, "M#", "Sessions")} sessions and {inMonths.Count} ids. " +
            $"{lacking.Count} readings are lacking: {lacking.Count(r => !inDays.Contains(AppliedIdOf(r)))} from the day items, " +
            $"{lacking.Count(r => !inMonths.Contains(AppliedIdOf(r)))} from the month items; {dead.Count} of them are in the dead-letter queues" +
            (dead.Count > 0 ? $" (received {string.Join("/", dead.Select(r => deadLetters[r.MessageId!]).Distinct().Order())} times), " : ", ") +
            $"{deadLetters.Count} messages are there in all; {lacking.Count(r => inDevices.Contains(AppliedIdOf(r)))} are in their device's day items. " +
            $"The member's items: {periods}. First lacking: " +
            string.Join(", ", lacking.Take(5).Select(r => $"{r.MessageId} ({r.Queue}, {(r.OriginalFormat ? "original format" : r.Reading.ReadingId)}, started {r.Reading.StartedAt:O})"));
    }
}
