using System.Diagnostics;
using GymIoT.Aggregator;
using GymIoT.Aggregator.Readings;
using GymIoT.Core.Messaging;
using GymIoT.Core.Readings;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace GymIoT.Tests.Ingestion;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class BatchChecksTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static MessageInFlight Message(string id, string body) =>
        new(new ReceivedMessage("Cyclette", "http://localhost/queue/Cyclette", id, $"receipt-{id}", body, default(ActivityContext), Now), span: null);

    [Fact]
    public void A_message_whose_check_throws_is_left_unchecked_and_logged_while_the_others_are_checked()
    {
        var logger = new FakeLogger();
        var batch = new[] { Message("m-1", "{}"), Message("m-2", "poison"), Message("m-3", "not json") };

        BatchChecks.CheckEach(
            batch,
            m => m.Body == "poison"
                ? throw new InvalidOperationException("the validator has a bug")
                : ReadingValidator.Validate(m.Body, m.Queue, m.MessageId, m.SentAt, Now),
            logger);

        Assert.IsType<RejectedReading>(batch[0].Check);
        Assert.Null(batch[1].Check);
        Assert.Equal(RejectionReason.UnparsableJson, Assert.IsType<RejectedReading>(batch[2].Check).Reason);
        var entry = Assert.Single(logger.Collector.GetSnapshot());
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Contains("m-2", entry.Message);
        Assert.IsType<InvalidOperationException>(entry.Exception);
    }
}
