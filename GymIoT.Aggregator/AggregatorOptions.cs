using System.ComponentModel.DataAnnotations;
using GymIoT.Core.Provisioning;
using GymIoT.Core.Queues;

namespace GymIoT.Aggregator;

/// <summary>How the aggregator consumes the machine queues (section <c>Aggregator</c>).</summary>
public sealed class AggregatorOptions
{
    public const string SectionName = "Aggregator";

    /// <summary>The queues to consume: every machine queue.</summary>
    [Required, MinLength(1)]
    public string[] Queues { get; set; } = [.. QueueNames.Machines];

    /// <summary>Concurrent long-polling receivers per queue.</summary>
    [Range(1, 32)]
    public int ReceiversPerQueue { get; set; } = 2;

    /// <summary>
    /// Long-polling wait: SQS answers as soon as a message arrives, or after this many seconds. A stop waits for the polls
    /// under way, so this also bounds how long a graceful stop takes.
    /// </summary>
    [Range(0, GymIoT.Core.Aws.AwsLimits.SqsMaxWaitSeconds)]
    public int WaitTimeSeconds { get; set; } = 10;

    /// <summary>How long a received message stays invisible to others before it is delivered again: the queues' own by default.</summary>
    [Range(1, 43200)]
    public int VisibilityTimeoutSeconds { get; set; } = QueueSettings.MachineVisibilityTimeoutSeconds;

    /// <summary>
    /// Readings gathered across queues into one batch, so writes to the same item are coalesced. The aggregator holds up to
    /// four times this many (two batches and a buffer of two): 2,000 folded more (0.94 writes a reading against 1.35 in a
    /// 50,000-reading burst) but peaked at 218–247 MB against 191–203 MB, over the 200 MB a small container is given
    /// (bench/notes/2026-12-04-the-aggregator-s-batch-size.md).
    /// </summary>
    [Range(1, 5000)]
    public int MaxBatchReadings { get; set; } = 1000;

    /// <summary>How long a batch waits for more readings once it has one.</summary>
    [Range(1, 5000)]
    public int FlushIntervalMilliseconds { get; set; } = 100;

    /// <summary>Batches stored at the same time.</summary>
    [Range(1, 8)]
    public int ConcurrentBatches { get; set; } = 2;

    /// <summary>DynamoDB updates in flight per batch.</summary>
    [Range(1, 128)]
    public int StoreParallelism { get; set; } = 16;
}
