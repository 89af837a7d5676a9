using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Messaging;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace GymIoT.Tests.Ingestion;

/// <summary>When a held message's invisibility is extended, on a fake clock.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class HeldMessagesDueTests
{
    private const int VisibilitySeconds = 30;

    [Fact]
    public async Task A_held_message_is_extended_once_less_than_half_its_timeout_is_left()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var sqs = RecordedVisibilityCalls.Create();
        var held = new HeldMessages(sqs, new ConsumerSettings(WaitTimeSeconds: 1, VisibilitySeconds), clock, NullLogger<HeldMessages>.Instance);
        held.Hold(new ReceivedMessage("Cyclette", "http://sqs/Cyclette", "m1", "r1", "", default, clock.GetUtcNow()), clock.GetUtcNow());

        clock.Advance(TimeSpan.FromSeconds(14));
        await held.ExtendDueAsync(CancellationToken.None);
        Assert.Empty(((RecordedVisibilityCalls)(object)sqs).Extended);

        // 14 s of 30 left: at the next look, a sixth of the timeout later, only 9 s would be.
        clock.Advance(TimeSpan.FromSeconds(2));
        await held.ExtendDueAsync(CancellationToken.None);
        Assert.Equal(["r1"], ((RecordedVisibilityCalls)(object)sqs).Extended);
    }

    /// <summary>An SQS client that records each visibility extension and grants it.</summary>
    public class RecordedVisibilityCalls : System.Reflection.DispatchProxy
    {
        public List<string> Extended { get; } = [];

        public static IAmazonSQS Create() => Create<IAmazonSQS, RecordedVisibilityCalls>();

        protected override object? Invoke(System.Reflection.MethodInfo? method, object?[]? args)
        {
            if (method!.Name != nameof(IAmazonSQS.ChangeMessageVisibilityBatchAsync) || args?[0] is not ChangeMessageVisibilityBatchRequest request)
            {
                throw new NotSupportedException(method.Name);
            }
            Extended.AddRange(request.Entries.Select(e => e.ReceiptHandle));
            return Task.FromResult(new ChangeMessageVisibilityBatchResponse
            {
                Successful = [.. request.Entries.Select(e => new ChangeMessageVisibilityBatchResultEntry { Id = e.Id })],
            });
        }
    }
}
