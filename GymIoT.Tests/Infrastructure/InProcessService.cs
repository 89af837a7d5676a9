using GymIoT.Core.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GymIoT.Tests.Infrastructure;

/// <summary>A service's own registrations in a host the test starts and stops, against the emulators of a fixture.</summary>
public static class InProcessService
{
    public static Task<IHost> AggregatorAsync(AwsSettings aws, params (string Key, string Value)[] settings) =>
        StartAsync(aws, GymIoT.Aggregator.Extensions.Extensions.AddApplicationServices, [("Aggregator:WaitTimeSeconds", "1"), .. settings]);

    public static Task<IHost> NotifierAsync(AwsSettings aws, params (string Key, string Value)[] settings) =>
        StartAsync(aws, GymIoT.ErrorNotifier.Extensions.Extensions.AddApplicationServices, [("Notifier:WaitTimeSeconds", "1"), .. settings]);

    private static async Task<IHost> StartAsync(AwsSettings aws, Action<IHostApplicationBuilder> addServices, (string Key, string Value)[] settings)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("GYMIOT_TEST_LOGS") == "1")
        {
            builder.Logging.AddSimpleConsole(options => options.SingleLine = true);
        }
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AWS_REGION"] = aws.Region,
            ["AWS_ENDPOINT_URL_SQS"] = aws.SqsEndpoint!.ToString(),
            ["AWS_ENDPOINT_URL_DYNAMODB"] = aws.DynamoDbEndpoint!.ToString(),
            ["AWS_ACCESS_KEY_ID"] = aws.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = aws.SecretAccessKey,
        });
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value)));
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(30));
        addServices(builder);
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }
}
