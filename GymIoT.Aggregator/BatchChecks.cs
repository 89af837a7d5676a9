using System.Diagnostics;
using GymIoT.Aggregator.Readings;
using GymIoT.Core.Messaging;
using GymIoT.Core.Readings;

namespace GymIoT.Aggregator;

/// <summary>
/// Checks the messages of a batch one at a time. A message whose check throws is a fault of the aggregator, not of the
/// message: it is left unchecked, so it stays in its queue to be delivered again and in the end moves to its dead-letter
/// queue, while the rest of the batch is handled as usual.
/// </summary>
public static partial class BatchChecks
{
    public static void CheckEach(IReadOnlyList<MessageInFlight> batch, Func<ReceivedMessage, ReadingCheck> check, ILogger logger)
    {
        foreach (var message in batch)
        {
            try
            {
                message.Check = check(message.Received);
            }
            catch (Exception ex)
            {
                message.Span?.SetStatus(ActivityStatusCode.Error, "not checked; left for redelivery");
                LogCheckFailed(logger, ex, message.MessageId, message.Received.Queue);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} from {Queue} could not be checked; it is left for redelivery and, in the end, its dead-letter queue")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string messageId, string queue);
}
