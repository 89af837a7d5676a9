using System.ComponentModel.DataAnnotations;
using GymIoT.Core.Provisioning;

namespace GymIoT.ErrorNotifier;

/// <summary>How reports are gathered from <c>Errors</c> and retried (section <c>Notifier</c>), after the original's event source mapping.</summary>
public sealed class NotifierOptions
{
    public const string SectionName = "Notifier";

    /// <summary>Reports per notification batch (the original's batch size).</summary>
    [Range(1, 100)]
    public int BatchSize { get; set; } = 5;

    /// <summary>How long a batch waits for more reports once it has one (the original's batching window).</summary>
    [Range(0, 300)]
    public int BatchWindowSeconds { get; set; } = 60;

    /// <summary>Long-polling wait; a stop waits for the poll under way, so this also bounds how long a graceful stop takes.</summary>
    [Range(0, GymIoT.Core.Aws.AwsLimits.SqsMaxWaitSeconds)]
    public int WaitTimeSeconds { get; set; } = 10;

    /// <summary>How long received reports stay invisible, kept so while a batch is being delivered: the queue's own by default.</summary>
    [Range(1, 43200)]
    public int VisibilityTimeoutSeconds { get; set; } = QueueSettings.ErrorsVisibilityTimeoutSeconds;

    /// <summary>How long a batch is retried in process (with growing pauses) before it is left for redelivery by SQS.</summary>
    [Range(0, 3600)]
    public int RetryForSeconds { get; set; } = 600;
}
