using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Core.Storage;
using GymIoT.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymIoT.Tests.Drills;

/// <summary>The hostile corpus sent through the real machine queue to the running aggregator.</summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(DrillCollection.Name)]
public sealed class HostileInputTests(DrillFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task Every_hostile_message_ends_in_Errors_with_a_reason_the_services_stay_up_and_no_aggregate_moves()
    {
        var member = $"target-{Guid.NewGuid():N}"[..20];
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        Assert.True(await new MemberStore(dynamoDb).EnrollAsync(new Member(member, "Hostile", "Target", Sex.Male, new DateOnly(1990, 1, 1), 80, 180)));
        var corpus = new HostileCorpus(member, DateTimeOffset.UtcNow).All();
        Assert.True(corpus.Count >= 200, $"the corpus has {corpus.Count} messages");
        var aggregatorPid = fixture.App.ProcessIdOf("aggregator");
        using var queues = new QueueProbe(fixture.Aws.CreateSqsClient());

        var sent = new Dictionary<string, HostileMessage>();
        var refusedBySqs = new List<HostileMessage>();
        foreach (var message in corpus)
        {
            try
            {
                sent[await queues.SendAsync(message.Queue, message.Body)] = message;
            }
            catch (Amazon.SQS.AmazonSQSException) when (!HostileCorpus.SqsAccepts(message.Body))
            {
                refusedBySqs.Add(message); // the sender is told at once; the message never enters GymIoT
            }
        }
        var reports = await queues.TakeReportsAsync("Errors", sent.Keys, TimeSpan.FromMinutes(2));

        // What could not even be processed goes to the machine queue's DLQ after five receives (SQS's redrive).
        var deadLettered = new List<string>();
        foreach (var (id, message) in sent.Where(s => !reports.ContainsKey(s.Key)))
        {
            if (await Eventually.ValueAsync(() => queues.FindAsync($"{message.Queue}-dlq", id), found => found is not null, TimeSpan.FromSeconds(90)) is not null)
            {
                deadLettered.Add(message.Name);
            }
        }
        var missing = sent.Where(s => !reports.ContainsKey(s.Key) && !deadLettered.Contains(s.Value.Name)).Select(s => s.Value.Name).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} hostile messages reached neither Errors nor the DLQ: {string.Join("; ", missing.Take(20))}");
        Assert.All(reports.Values, r => Assert.Matches("^[A-Za-z]+: .+", r.Report.Reason));
        using var aggregates = new Aggregates(dynamoDb);
        Assert.Empty(await aggregates.MemberItemsAsync(member));
        Assert.Empty(await aggregates.ItemsAsync(TableNames.DeviceActivity, KeyNames.DeviceId, "hostile-device"));
        Assert.Equal(aggregatorPid, fixture.App.ProcessIdOf("aggregator"));
        await fixture.App.WaitForHealthyAsync("aggregator").WaitAsync(TimeSpan.FromSeconds(30));
        output.WriteLine($"{corpus.Count} messages: {reports.Count} in Errors, {deadLettered.Count} in the DLQ ({string.Join("; ", deadLettered)}), {refusedBySqs.Count} refused by SQS itself ({string.Join("; ", refusedBySqs.Select(m => m.Name))})");
        foreach (var reason in reports.Values.GroupBy(r => r.Report.Reason.Split(':')[0]).OrderByDescending(g => g.Count()))
        {
            output.WriteLine($"{reason.Key}: {reason.Count()}");
        }
    }
}
