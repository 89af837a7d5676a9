using Amazon.CDK;
using Amazon.CDK.AWS.SQS;
using Constructs;
using GymIoT.Core.Aws;
using GymIoT.Core.Provisioning;
using GymIoT.Core.Queues;

namespace GymIoT.Deploy.Messaging;

/// <summary>
/// Every queue of <see cref="QueueNames"/> with its dead-letter queue, from the settings the AppHost's provisioner uses
/// (<see cref="QueueSettings"/>): the same visibility, retention and redrive; encrypted, reachable over TLS only.
/// </summary>
public sealed class GymIoTQueues : Construct
{
    public GymIoTQueues(Construct scope, string id) : base(scope, id)
    {
        foreach (var name in QueueNames.Sources)
        {
            AwsNameRules.EnsureValidQueueName(name);
            var deadLetterName = QueueNames.DeadLetterOf(name);
            var deadLetter = new Queue(this, deadLetterName, new QueueProps
            {
                QueueName = deadLetterName,
                RetentionPeriod = Duration.Seconds(QueueSettings.DeadLetterRetentionSeconds),
                Encryption = QueueEncryption.SQS_MANAGED,
                EnforceSSL = true,
            });
            ByName[deadLetterName] = deadLetter;
            ByName[name] = new Queue(this, name, new QueueProps
            {
                QueueName = name,
                VisibilityTimeout = Duration.Seconds(QueueSettings.VisibilityTimeoutSecondsOf(name)),
                DeadLetterQueue = new DeadLetterQueue { Queue = deadLetter, MaxReceiveCount = QueueNames.MaxReceiveCount },
                Encryption = QueueEncryption.SQS_MANAGED,
                EnforceSSL = true,
            });
        }
    }

    /// <summary>Each queue and dead-letter queue by its name.</summary>
    public Dictionary<string, Queue> ByName { get; } = [];
}
