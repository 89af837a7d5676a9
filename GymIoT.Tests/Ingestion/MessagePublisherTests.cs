using System.Diagnostics;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Messaging;
using GymIoT.Core.Telemetry;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class MessagePublisherTests
{
    [Fact]
    public async Task Three_hundred_messages_go_out_in_batches_sent_side_by_side_and_come_back_in_order()
    {
        using var telemetry = new ServiceTelemetry($"GymIoT.Publisher.Tests.{Guid.NewGuid():N}");
        var sqs = GatedSqs.Create(out var gate);
        var publisher = new MessagePublisher(sqs, new QueueDirectory(sqs), telemetry);
        var messages = Enumerable.Range(0, 300).Select(i => new OutgoingMessage($"body-{i}", default(ActivityContext), default)).ToList();

        var outcomes = await publisher.SendBatchAsync("Coaching", messages);

        Assert.Equal(messages.Select(m => m.Body), outcomes.Select(o => o.Message.Body));
        Assert.Equal(messages.Select(m => $"id-{m.Body}"), outcomes.Select(o => o.MessageId));
        Assert.Equal(30, gate.Calls);
        Assert.Equal(MessagePublisher.BatchesInFlight, gate.MostInFlight);
    }

    /// <summary>
    /// Answers <c>GetQueueUrl</c> and <c>SendMessageBatch</c>; each send waits until as many as the publisher may have are
    /// in flight (or a while has passed), so the most seen at once is what the publisher allows, not what the timing gave.
    /// </summary>
    public class GatedSqs : System.Reflection.DispatchProxy
    {
        private readonly Lock _lock = new();
        private int _inFlight;
        private TaskCompletionSource _full = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Calls { get; private set; }

        public int MostInFlight { get; private set; }

        public static IAmazonSQS Create(out GatedSqs gate)
        {
            var proxy = Create<IAmazonSQS, GatedSqs>();
            gate = (GatedSqs)(object)proxy;
            return proxy;
        }

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args) => method!.Name switch
        {
            nameof(IAmazonSQS.GetQueueUrlAsync) => Task.FromResult(new GetQueueUrlResponse { QueueUrl = "http://localhost/000000000000/Coaching" }),
            nameof(IAmazonSQS.SendMessageBatchAsync) => SendAsync((SendMessageBatchRequest)args![0]!),
            _ => throw new NotSupportedException(method.Name),
        };

        private async Task<SendMessageBatchResponse> SendAsync(SendMessageBatchRequest request)
        {
            Task full;
            lock (_lock)
            {
                Calls++;
                MostInFlight = Math.Max(MostInFlight, ++_inFlight);
                if (_inFlight >= MessagePublisher.BatchesInFlight)
                {
                    _full.TrySetResult();
                }
                full = _full.Task;
            }
            await Task.WhenAny(full, Task.Delay(TimeSpan.FromSeconds(2)));
            lock (_lock)
            {
                if (--_inFlight == 0)
                {
                    _full = new(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }
            return new SendMessageBatchResponse
            {
                Successful = [.. request.Entries.Select(e => new SendMessageBatchResultEntry { Id = e.Id, MessageId = $"id-{e.MessageBody}" })],
            };
        }
    }
}
