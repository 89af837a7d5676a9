using Amazon.SQS;
using Amazon.SQS.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GymIoT.Core.Aws;

/// <summary>Healthy when SQS answers a real call.</summary>
public sealed class SqsHealthCheck(IAmazonSQS sqs, AwsSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await sqs.ListQueuesAsync(new ListQueuesRequest { MaxResults = 1 }, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, AwsProblem.Explain(ex, settings.Region) ?? "SQS did not answer.", ex);
        }
    }
}
