using System.ComponentModel.DataAnnotations;
using GymIoT.Core.Provisioning;

namespace GymIoT.Coach;

/// <summary>How the coach consumes <c>Coaching</c> (section <c>Coach</c>).</summary>
public sealed class CoachOptions
{
    public const string SectionName = "Coach";

    /// <summary>Long-polling wait; a stop waits for the poll under way, so this also bounds how long a graceful stop takes.</summary>
    [Range(0, GymIoT.Core.Aws.AwsLimits.SqsMaxWaitSeconds)]
    public int WaitTimeSeconds { get; set; } = 10;

    /// <summary>How long a received reading stays invisible while it is handled: the queue's own by default.</summary>
    [Range(1, 43200)]
    public int VisibilityTimeoutSeconds { get; set; } = QueueSettings.CoachingVisibilityTimeoutSeconds;

    /// <summary>Concurrent long-polling receivers.</summary>
    [Range(1, 8)]
    public int Receivers { get; set; } = 2;

    /// <summary>
    /// The month-end review waits until no reading of a past day has come for this long (history sent late, readings of the
    /// month's last evening), so it judges the month with its readings in.
    /// </summary>
    [Range(0, 3600)]
    public int MonthEndQuietSeconds { get; set; } = 120;

    /// <summary>Members' readings handled at the same time by each receiver.</summary>
    [Range(1, 32)]
    public int Parallelism { get; set; } = 4;
}
