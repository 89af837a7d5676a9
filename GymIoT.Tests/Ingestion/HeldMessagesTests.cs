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

    /// <summary>For hundreds of messages: long enough that a loaded machine takes them all and extends them side by side in time.</summary>
    private const int ManyVisibilitySeconds = 10;

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
        var messages = taken.Select(m => new ReceivedMessage(queue, url, m.MessageId, m.ReceiptHandle, m.Body, default, requestedAt)).ToList();
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

    [Fact]
    public async Task Three_hundred_held_messages_stay_invisible_when_each_extension_call_takes_a_while()
    {
        const int Count = 300;
        using var sqs = fixture.Aws.CreateSqsClient();
        using var queues = new QueueProbe(fixture.Aws.CreateSqsClient());
        var queue = $"many-{Guid.NewGuid():N}"[..20];
        var url = (await sqs.CreateQueueAsync(queue)).QueueUrl;
        await queues.SendManyAsync(queue, Enumerable.Range(0, Count).Select(i => $"message {i}"));
        // Each extension call waits 200 ms before it is sent, as on a loaded machine: 30 calls one after another take 6 s,
        // longer than the 3.3 s a round has at least before the first messages' invisibility ends (a third of the 10 s timeout),
        // while side by side they leave the emulator's own time for the 30 calls well within it.
        var held = new HeldMessages(SlowVisibilityCalls.Around(sqs, TimeSpan.FromMilliseconds(200)), new ConsumerSettings(WaitTimeSeconds: 1, ManyVisibilitySeconds),
            TimeProvider.System, NullLogger<HeldMessages>.Instance);
        using var holding = new CancellationTokenSource();
        var keeping = held.KeepInvisibleAsync(holding.Token);
        var messages = new List<ReceivedMessage>();
        while (messages.Count < Count)
        {
            var requestedAt = DateTimeOffset.UtcNow;
            foreach (var message in await ReceiveAsync(sqs, url, 1, TimeSpan.FromSeconds(10), ManyVisibilitySeconds))
            {
                var taken = new ReceivedMessage(queue, url, message.MessageId, message.ReceiptHandle, message.Body, default, requestedAt);
                held.Hold(taken, requestedAt);
                messages.Add(taken);
            }
        }

        // Another receiver asks every second for 15 s, past the timeout of every message taken.
        var receivedByOthers = new List<int>();
        for (var check = 0; check < 15; check++)
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 });
            receivedByOthers.Add(response.Messages?.Count ?? 0);
        }
        held.Release(messages);
        await holding.CancelAsync();
        await keeping;

        Assert.Equal(Count, messages.DistinctBy(m => m.MessageId).Count());
        Assert.All(receivedByOthers, count => Assert.Equal(0, count));
        await sqs.DeleteQueueAsync(url);
    }

    /// <summary>An SQS client whose visibility extensions each take a while before they are sent.</summary>
    public class SlowVisibilityCalls : System.Reflection.DispatchProxy
    {
        private Amazon.SQS.IAmazonSQS _inner = null!;
        private TimeSpan _delay;

        public static Amazon.SQS.IAmazonSQS Around(Amazon.SQS.IAmazonSQS inner, TimeSpan delay)
        {
            var proxy = Create<Amazon.SQS.IAmazonSQS, SlowVisibilityCalls>();
            var slow = (SlowVisibilityCalls)(object)proxy;
            (slow._inner, slow._delay) = (inner, delay);
            return proxy;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args) =>
            method!.Name == nameof(Amazon.SQS.IAmazonSQS.ChangeMessageVisibilityBatchAsync)
                ? DelayedAsync(() => (Task<ChangeMessageVisibilityBatchResponse>)method.Invoke(_inner, args)!)
                : method.Invoke(_inner, args);

        private async Task<ChangeMessageVisibilityBatchResponse> DelayedAsync(Func<Task<ChangeMessageVisibilityBatchResponse>> call)
        {
            await Task.Delay(_delay);
            return await call();
        }
    }

    private static async Task<List<Message>> ReceiveAsync(Amazon.SQS.IAmazonSQS sqs, string url, int count, TimeSpan timeout, int visibilitySeconds = VisibilitySeconds)
    {
        var taken = new List<Message>();
        using var cancellation = new CancellationTokenSource(timeout);
        while (taken.Count < count && !cancellation.IsCancellationRequested)
        {
            var response = await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
            {
                QueueUrl = url,
                MaxNumberOfMessages = 10,
                VisibilityTimeout = visibilitySeconds,
                WaitTimeSeconds = 1,
                MessageSystemAttributeNames = ["ApproximateReceiveCount"],
            });
            taken.AddRange(response.Messages ?? []);
        }
        return taken;
    }
}
