using GymIoT.Core.Hosting;
using GymIoT.Core.Messaging;

namespace GymIoT.Aggregator.Extensions;

public static class Extensions
{
    public const string ServiceName = "GymIoT.Aggregator";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddGymIoTCore(ServiceName);

        builder.Services.AddOptions<AggregatorOptions>()
            .BindConfiguration(AggregatorOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddSingleton<AggregatorMetrics>();
        builder.Services.AddSingleton<ReadingStore>();
        builder.Services.AddSingleton<ReadingBatchProcessor>();
        builder.Services.AddQueueConsumer<AggregatorOptions>(options => new ConsumerSettings(options.WaitTimeSeconds, options.VisibilityTimeoutSeconds));
        builder.Services.AddHostedService<AggregatorService>();
        builder.Services.AddHostedService<QueueDepthMonitor>();
    }
}
