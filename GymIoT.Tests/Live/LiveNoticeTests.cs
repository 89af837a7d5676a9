using System.Text.Json;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Live;
using GymIoT.Core.Readings;
using GymIoT.Dashboard.Live;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GymIoT.Tests.Live;

/// <summary>The push path against the embedded SQS and DynamoDB: notices reach every dashboard alive, and only the pages of the members named.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class LiveNoticeTests(PlatformFixture fixture) : IDisposable
{
    private readonly IAmazonSQS _sqs = fixture.Aws.CreateSqsClient();
    private readonly Amazon.DynamoDBv2.IAmazonDynamoDB _dynamoDb = fixture.Aws.CreateDynamoDbClient();
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task A_notice_reaches_each_dashboard_alive_once_with_each_member_once_and_none_that_fell_silent()
    {
        var listeners = new LiveListenerStore(_dynamoDb);
        var (first, second, silent) = (await ListenerAsync(), await ListenerAsync(), await ListenerAsync());
        await listeners.AliveAsync(first.Name, first.Url, _clock.GetUtcNow());
        await listeners.AliveAsync(second.Name, second.Url, _clock.GetUtcNow());
        await listeners.AliveAsync(silent.Name, silent.Url, _clock.GetUtcNow() - LiveListenerStore.Silent);
        var notifier = new LiveNotifier(_sqs, listeners, _clock, NullLogger<LiveNotifier>.Instance);

        await notifier.NotifyAsync(LiveChangeKind.Activity, ["ann", "bob", "ann"]);
        await notifier.NotifyAsync(LiveChangeKind.Coaching, []);

        foreach (var listener in new[] { first, second })
        {
            var notice = Assert.Single(await ReceiveAsync(listener.Url));
            Assert.Equal(LiveChangeKind.Activity, notice.Kind);
            Assert.Equal(["ann", "bob"], notice.MemberIds);
        }
        Assert.Empty(await ReceiveAsync(silent.Url));
    }

    [Fact]
    public async Task A_notice_that_cannot_be_sent_is_dropped_without_failing_the_work_that_caused_it()
    {
        var listeners = new LiveListenerStore(_dynamoDb);
        var gone = await ListenerAsync();
        await listeners.AliveAsync(gone.Name, gone.Url, _clock.GetUtcNow());
        await _sqs.DeleteQueueAsync(gone.Url);
        var notifier = new LiveNotifier(_sqs, listeners, _clock, NullLogger<LiveNotifier>.Instance);

        await notifier.NotifyAsync(LiveChangeKind.Activity, ["ann"]);

        await listeners.RemoveAsync(gone.Name);
    }

    private async Task<(string Name, string Url)> ListenerAsync()
    {
        var name = $"Live-{Guid.NewGuid():N}"[..17];
        return (name, (await _sqs.CreateQueueAsync(name)).QueueUrl);
    }

    private async Task<IReadOnlyList<LiveNotice>> ReceiveAsync(string url)
    {
        var messages = (await _sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 })).Messages ?? [];
        return [.. messages.Select(m => JsonSerializer.Deserialize(m.Body, MessageJson.Default.LiveNotice)!)];
    }

    public void Dispose()
    {
        _sqs.Dispose();
        _dynamoDb.Dispose();
    }
}
