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
        NotifierAsync(aws, _ => { }, settings);

    /// <summary>The notifier with some of its registrations replaced by <paramref name="replace"/>, e.g. a DynamoDB client that refuses.</summary>
    public static Task<IHost> NotifierAsync(AwsSettings aws, Action<IServiceCollection> replace, params (string Key, string Value)[] settings) =>
        StartAsync(aws, builder =>
        {
            GymIoT.ErrorNotifier.Extensions.Extensions.AddApplicationServices(builder);
            replace(builder.Services);
        }, [ShortNotifierPolls, .. settings]);

    private static readonly (string, string) ShortNotifierPolls = ("Notifier:WaitTimeSeconds", "1");

    /// <summary>The notifier as it runs for real: with the service defaults, exporting traces, metrics and logs to <paramref name="telemetry"/>.</summary>
    public static Task<IHost> NotifierWithTelemetryAsync(AwsSettings aws, OtlpReceiver telemetry, params (string Key, string Value)[] settings) =>
        StartAsync(aws, builder =>
        {
            builder.AddServiceDefaults();
            GymIoT.ErrorNotifier.Extensions.Extensions.AddApplicationServices(builder);
        },
        [
            ShortNotifierPolls,
            ("OTEL_EXPORTER_OTLP_ENDPOINT", telemetry.Endpoint),
            ("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
            ("OTEL_SERVICE_NAME", "error-notifier"),
            .. settings,
        ], logLevel: LogLevel.Trace);

    private static async Task<IHost> StartAsync(AwsSettings aws, Action<IHostApplicationBuilder> addServices, (string Key, string Value)[] settings, LogLevel? logLevel = null)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        if (logLevel is { } level)
        {
            builder.Logging.SetMinimumLevel(level);
        }
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
