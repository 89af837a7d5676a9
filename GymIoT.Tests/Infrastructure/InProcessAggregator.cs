using GymIoT.Aggregator.Extensions;
using GymIoT.Core.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GymIoT.Tests.Infrastructure;

/// <summary>The aggregator's own services in a host the test starts and stops, against the emulators of a fixture.</summary>
public static class InProcessAggregator
{
    public static async Task<IHost> StartAsync(AwsSettings aws, params (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = aws.Region,
            ["AWS_ENDPOINT_URL_SQS"] = aws.SqsEndpoint!.ToString(),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = aws.DynamoDbEndpoint!.ToString(),
            ["AWS_ACCESS_KEY_ID"] = aws.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = aws.SecretAccessKey,
            ["Aggregator:WaitTimeSeconds"] = "1",
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        builder.AddApplicationServices();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
