using GymIoT.Core.Messaging;
using GymIoT.Core.Readings;

namespace GymIoT.Aggregator;

/// <summary>
/// Checks the messages of a batch one at a time. A message whose check throws is a fault of the aggregator, not of the
/// message: it is left unchecked (<see langword="null"/>), so it stays in its queue to be delivered again and in the end
/// moves to its dead-letter queue, while the rest of the batch is handled as usual.
/// </summary>
public static partial class BatchChecks
{
    public static ReadingCheck?[] CheckEach(IReadOnlyList<ReceivedMessage> batch, Func<ReceivedMessage, ReadingCheck> check, ILogger logger)
    {
        var checks = new ReadingCheck?[batch.Count];
        for (var i = 0; i < batch.Count; i++)
        {
            try
            {
                checks[i] = check(batch[i]);
            }
            catch (Exception ex)
            {
                LogCheckFailed(logger, ex, batch[i].Message.MessageId, batch[i].Queue);
            }
        }
        return checks;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} from {Queue} could not be checked; it is left for redelivery and, in the end, its dead-letter queue")]
    private static partial void LogCheckFailed(ILogger logger, Exception exception, string messageId, string queue);
}
