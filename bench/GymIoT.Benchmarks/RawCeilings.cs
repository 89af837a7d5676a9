using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.Core.Machines;

namespace GymIoT.Benchmarks;

/// <summary>A ceiling, and the cores each process took while it was measured: a low one shows what it shared the machine with.</summary>
public sealed record Ceiling(double PerSecond, IReadOnlyDictionary<string, double> Cores)
{
    public static Ceiling NotMeasured { get; } = new(0, new Dictionary<string, double>());

    /// <summary>"1,234 msg/s (CPU by process: machine 1.52, fauxqs 0.98, …)".</summary>
    public string Describe(string unit) => $"{PerSecond:N0} {unit} (CPU by process: {BenchmarkBackend.DescribeCores(Cores)})";
}

/// <summary>What the emulators can do at most with the aggregator's concurrency: the yardsticks for the pipeline.</summary>
public static class RawCeilings
{
    /// <summary>
    /// Messages per second that concurrent consumers receive (10 at a time) and delete in batches, until the last is
    /// deleted: the long polls that then find the queue empty (a second each) are not the emulator's work.
    /// </summary>
    public static async Task<Ceiling> SqsReceiveAndDeleteAsync(BenchmarkBackend backend, int messages, int consumers)
    {
        using var sqs = backend.Aws.CreateSqsClient();
        var url = (await sqs.GetQueueUrlAsync(MachineCatalogue.Cyclette.Name)).QueueUrl;
        var batches = Enumerable.Range(0, messages / 10).ToList();
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (batch, token) =>
            await sqs.SendMessageBatchAsync(new SendMessageBatchRequest
            {
                QueueUrl = url,
                Entries = [.. Enumerable.Range(0, 10).Select(i => new SendMessageBatchRequestEntry($"{i}", $"ceiling-{batch}-{i}"))],
            }, token));

        var taken = 0;
        var lastDeleted = new TaskCompletionSource<(double Seconds, IReadOnlyDictionary<string, double> Cpu)>();
        var cpuBefore = backend.CpuSecondsByProcess();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, consumers).Select(_ => Task.Run(async () =>
        {
            while (Volatile.Read(ref taken) < messages)
            {
                var received = (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 10, WaitTimeSeconds = 1 })).Messages ?? [];
                if (received.Count == 0)
                {
                    continue;
                }
                await sqs.DeleteMessageBatchAsync(url, [.. received.Select((m, i) => new DeleteMessageBatchRequestEntry($"{i}", m.ReceiptHandle))]);
                if (Interlocked.Add(ref taken, received.Count) >= messages)
                {
                    lastDeleted.TrySetResult((clock.Elapsed.TotalSeconds, backend.CpuSecondsByProcess()));
                }
            }
        })));
        var (seconds, cpuAfter) = await lastDeleted.Task;
        return new(messages / seconds, BenchmarkBackend.Cores(cpuBefore, cpuAfter, seconds));
    }

    /// <summary>Conditional <c>UpdateItem</c> calls per second, shaped like the aggregator's (ADD values and a reading id, on condition it is new).</summary>
    public static async Task<Ceiling> DynamoDbUpdateItemAsync(BenchmarkBackend backend, int operations, int callers)
    {
        using var dynamoDb = backend.Aws.CreateDynamoDbClient();
        var cpuBefore = backend.CpuSecondsByProcess();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, operations), new ParallelOptions { MaxDegreeOfParallelism = callers }, async (i, token) =>
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = TableNames.MemberActivity,
                Key = ItemKey.MemberPeriod($"ceiling-{i % 500:000}", "D#2026-01-01").ToAttributes(),
                UpdateExpression = "ADD #k :k, #s :s, #ids :ids",
                ConditionExpression = "NOT contains(#ids, :id)",
                ExpressionAttributeNames = new() { ["#k"] = "Kcal", ["#s"] = "Sessions", ["#ids"] = "AppliedIds" },
                ExpressionAttributeValues = new()
                {
                    [":k"] = new() { N = "123.45" },
                    [":s"] = new() { N = "1" },
                    [":ids"] = new() { SS = [$"ceiling-{i}"] },
                    [":id"] = new() { S = $"ceiling-{i}" },
                },
            }, token));
        var seconds = clock.Elapsed.TotalSeconds;
        return new(operations / seconds, BenchmarkBackend.Cores(cpuBefore, backend.CpuSecondsByProcess(), seconds));
    }
}
