using Amazon.SQS.Model;
using GymIoT.Core.Messaging;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymIoT.Tests.Ingestion;

/// <summary>A consumer keeps what it holds invisible on the real SQS emulator, for as long as it holds it.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class HeldMessagesTests(PlatformFixture fixture)
{
    private const int VisibilitySeconds = 4;

    [Fact]
    public async Task Held_messages_stay_invisible_past_their_timeout_and_come_back_once_released()
    {
        using var sqs = fixture.Aws.CreateSqsClient();
        using var queues = new QueueProbe(fixture.Aws.CreateSqsClient());
        var queue = $"held-{Guid.NewGuid():N}"[..20];
        var url = (await sqs.CreateQueueAsync(queue)).QueueUrl;
        await queues.SendManyAsync(queue, ["one", "two", "three"]);
        var held = new HeldMessages(sqs, new ConsumerSettings(WaitTimeSeconds: 1, VisibilitySeconds), TimeProvider.System, NullLogger<HeldMessages>.Instance);
        var requestedAt = DateTimeOffset.UtcNow;
        var taken = await ReceiveAsync(sqs, url, 3, TimeSpan.FromSeconds(10));
        var messages = taken.Select(m => new ReceivedMessage(queue, url, m, default, requestedAt)).ToList();
        messages.ForEach(m => held.Hold(m, requestedAt));

        using var holding = new CancellationTokenSource();
        var keeping = held.KeepInvisibleAsync(holding.Token);
        var receivedByOthers = new List<int>();
        for (var check = 0; check < 10; check++)
        {
            // Another receiver asks every second: it gets nothing while the messages are held.
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
            receivedByOthers.Add(response.Messages?.Count ?? 0);
        }
        held.Release(messages);
        await holding.CancelAsync();
        await keeping;

        Assert.All(receivedByOthers, count => Assert.Equal(0, count)); // about 10 s held, with a 4 s timeout
        Assert.Equal(0, held.Count);
        var again = await ReceiveAsync(sqs, url, 3, TimeSpan.FromSeconds(15));
        Assert.Equal(taken.Select(m => m.MessageId).Order(), again.Select(m => m.MessageId).Order());
        Assert.All(again, m => Assert.Equal("2", m.Attributes["ApproximateReceiveCount"])); // received once while held
        await sqs.DeleteQueueAsync(url);
    }

    private static async Task<List<Message>> ReceiveAsync(Amazon.SQS.IAmazonSQS sqs, string url, int count, TimeSpan timeout)
    {
        var taken = new List<Message>();
        using var cancellation = new CancellationTokenSource(timeout);
        while (taken.Count < count && !cancellation.IsCancellationRequested)
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url,
                MaxNumberOfMessages = 10,
                VisibilityTimeout = VisibilitySeconds,
                WaitTimeSeconds = 1,
                MessageSystemAttributeNames = ["ApproximateReceiveCount"],
            });
            taken.AddRange(response.Messages ?? []);
        }
        return taken;
    }
}
