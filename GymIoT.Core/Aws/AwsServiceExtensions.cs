using Amazon.DynamoDBv2;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace GymIoT.Core.Aws;

public static class AwsServiceExtensions
{
    /// <summary>
    /// Registers the SQS and DynamoDB clients from the standard AWS variables, their request counts, and health checks that
    /// really reach both, on a queue and a table the service's <paramref name="access"/> grants (each answer kept a moment).
    /// </summary>
    public static IHostApplicationBuilder AddAwsClients(this IHostApplicationBuilder builder, ServiceAccess access)
    {
        var settings = AwsSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton<AwsRequestMetrics>();
        builder.Services.AddSingleton<IAmazonSQS>(services => services.GetRequiredService<AwsRequestMetrics>().Observe(settings.CreateSqsClient(), "sqs"));
        builder.Services.AddSingleton<IAmazonDynamoDB>(services => services.GetRequiredService<AwsRequestMetrics>().Observe(settings.CreateDynamoDbClient(), "dynamodb"));
        builder.Services.AddSingleton<SqsHealthCheck>();
        builder.Services.AddSingleton<DynamoDbHealthCheck>();
        builder.Services.AddSingleton<CachedHealthCheck<SqsHealthCheck>>();
        builder.Services.AddSingleton<CachedHealthCheck<DynamoDbHealthCheck>>();
        builder.Services.AddHealthChecks()
            .Add(new HealthCheckRegistration("sqs", services => services.GetRequiredService<CachedHealthCheck<SqsHealthCheck>>(), null, ["ready"]))
            .Add(new HealthCheckRegistration("dynamodb", services => services.GetRequiredService<CachedHealthCheck<DynamoDbHealthCheck>>(), null, ["ready"]));
        return builder;
    }
}
