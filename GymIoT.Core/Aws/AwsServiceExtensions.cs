using Amazon.DynamoDBv2;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GymIoT.Core.Aws;

public static class AwsServiceExtensions
{
    /// <summary>
    /// Registers the SQS and DynamoDB clients from the standard AWS variables, their request counts, and health checks that
    /// really reach both, on a queue and a table the service's <paramref name="access"/> grants.
    /// </summary>
    public static IHostApplicationBuilder AddAwsClients(this IHostApplicationBuilder builder, ServiceAccess access)
    {
        var settings = AwsSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton<AwsRequestMetrics>();
        builder.Services.AddSingleton<IAmazonSQS>(services => services.GetRequiredService<AwsRequestMetrics>().Observe(settings.CreateSqsClient(), "sqs"));
        builder.Services.AddSingleton<IAmazonDynamoDB>(services => services.GetRequiredService<AwsRequestMetrics>().Observe(settings.CreateDynamoDbClient(), "dynamodb"));
        builder.Services.AddHealthChecks()
            .AddCheck<SqsHealthCheck>("sqs", tags: ["ready"])
            .AddCheck<DynamoDbHealthCheck>("dynamodb", tags: ["ready"]);
        return builder;
    }
}
