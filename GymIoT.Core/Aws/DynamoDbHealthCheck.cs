using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GymIoT.Core.Aws;

/// <summary>Healthy when DynamoDB answers a real call.</summary>
public sealed class DynamoDbHealthCheck(IAmazonDynamoDB dynamoDb, AwsSettings settings) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await dynamoDb.ListTablesAsync(new ListTablesRequest { Limit = 1 }, cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, AwsProblem.Explain(ex, settings.Region) ?? "DynamoDB did not answer.", ex);
        }
    }
}
