using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Aws;

namespace GymIoT.Core.Messaging;

internal static class HandledMessages
{
    /// <summary>
    /// Deletes handled messages from a queue, ten per call, four calls at a time. Returns how many could not be deleted: those come back after
    /// their visibility timeout, and the consumer must recognise them (which GymIoT's do, by id).
    /// </summary>
    public static async Task<int> DeleteAsync(this IAmazonSQS sqs, string queueUrl, IReadOnlyList<string> receiptHandles, CancellationToken cancellationToken)
    {
        var notDeleted = 0;
        await Parallel.ForEachAsync(
            receiptHandles.Chunk(AwsLimits.SqsBatchEntries),
            new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken },
            async (chunk, token) =>
            {
                try
                {
                    var response = await sqs.DeleteMessageBatchAsync(new DeleteMessageBatchRequest
                    {
                        QueueUrl = queueUrl,
                        Entries = [.. chunk.Select((handle, i) => new DeleteMessageBatchRequestEntry($"{i}", handle))],
                    }, token);
                    Interlocked.Add(ref notDeleted, response.Failed?.Count ?? 0);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    Interlocked.Add(ref notDeleted, chunk.Length);
                }
            });
        return notDeleted;
    }
}
