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
        Assert.Equal(bad.Select(r => r.MessageId).Order(), reports.Keys.Order());
        Assert.All(bad, r => Assert.StartsWith(r.ExpectedRejection + ": ", reports[r.MessageId!].Report.Reason));
        return new ReconciliationResult(good.Count, bad.Count, reports.Count, members.Count);
    }
}
