using Amazon.DynamoDBv2;
using Amazon.SQS;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GymIoT.Core.Aws;

public static class AwsServiceExtensions
{
    /// <summary>
    /// Registers the SQS and DynamoDB clients from the standard AWS variables, and health checks that really reach both.
    /// </summary>
    public static IHostApplicationBuilder AddAwsClients(this IHostApplicationBuilder builder)
    {
        var settings = AwsSettings.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<IAmazonSQS>(_ => settings.CreateSqsClient());
        builder.Services.AddSingleton<IAmazonDynamoDB>(_ => settings.CreateDynamoDbClient());
        builder.Services.AddHealthChecks()
            .AddCheck<SqsHealthCheck>("sqs", tags: ["ready"])
            .AddCheck<DynamoDbHealthCheck>("dynamodb", tags: ["ready"]);
        return builder;
    }
}
