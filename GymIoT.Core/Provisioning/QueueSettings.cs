using Amazon.SQS;
using GymIoT.Core.Queues;

namespace GymIoT.Core.Provisioning;

/// <summary>The attributes each queue is provisioned with, by the AppHost's provisioner and by the deploy stack.</summary>
public static class QueueSettings
{
    /// <summary>Dead-letter queues keep their messages for the SQS maximum, 14 days, so staff can inspect and redrive them.</summary>
    public const int DeadLetterRetentionSeconds = 14 * 24 * 3600;

    /// <summary>
    /// <c>Errors</c> is consumed in batches gathered for up to a minute and then sent by email and webhook,
    /// so a received report stays invisible well beyond that window.
    /// </summary>
    public const int ErrorsVisibilityTimeoutSeconds = 180;

    public const int MachineVisibilityTimeoutSeconds = 30;

    /// <summary>The coach handles each stored reading in a few reads and writes.</summary>
    public const int CoachingVisibilityTimeoutSeconds = 30;

    public static Dictionary<string, string> ForDeadLetterQueue() => new()
    {
        [QueueAttributeName.MessageRetentionPeriod] = DeadLetterRetentionSeconds.ToString(),
    };

    public static Dictionary<string, string> ForSourceQueue(string queueName, string deadLetterArn) => new()
    {
        [QueueAttributeName.VisibilityTimeout] = VisibilityTimeoutSecondsOf(queueName).ToString(),
        [QueueAttributeName.RedrivePolicy] = RedrivePolicy(deadLetterArn),
    };

    public static int VisibilityTimeoutSecondsOf(string queueName) => queueName switch
    {
        QueueNames.Errors => ErrorsVisibilityTimeoutSeconds,
        QueueNames.Coaching => CoachingVisibilityTimeoutSeconds,
        _ => MachineVisibilityTimeoutSeconds,
    };

    public static string RedrivePolicy(string deadLetterArn) =>
        $$"""{"deadLetterTargetArn":"{{deadLetterArn}}","maxReceiveCount":"{{QueueNames.MaxReceiveCount}}"}""";
}
