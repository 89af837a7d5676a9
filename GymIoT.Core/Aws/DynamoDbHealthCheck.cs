using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GymIoT.Core.Aws;

/// <summary>
/// Healthy when DynamoDB answers a real call about a table the service uses: its role may describe that table and nothing
/// account-wide (listing tables needs a <c>*</c> grant).
/// </summary>
public sealed class DynamoDbHealthCheck(IAmazonDynamoDB dynamoDb, AwsSettings settings, ServiceAccess access) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await dynamoDb.DescribeTableAsync(access.ProbeTable, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (ResourceNotFoundException ex)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                AwsProblem.Missing("table", access.ProbeTable, settings.Region), ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, AwsProblem.Explain(ex, settings.Region) ?? "DynamoDB did not answer.", ex);
        }
    }
}
