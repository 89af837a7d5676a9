using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GymIoT.Core.Aws;

/// <summary>
/// Healthy when SQS answers a real call about a queue the service uses: its role may look up that queue and nothing
/// account-wide (listing queues needs a <c>*</c> grant).
/// </summary>
public sealed class SqsHealthCheck(IAmazonSQS sqs, AwsSettings settings, ServiceAccess access) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await sqs.GetQueueUrlAsync(access.ProbeQueue, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (QueueDoesNotExistException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                AwsProblem.Missing("queue", access.ProbeQueue, settings.Region), ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, AwsProblem.Explain(ex, settings.Region) ?? "SQS did not answer.", ex);
        }
    }
}
