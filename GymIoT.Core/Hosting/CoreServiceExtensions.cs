using GymIoT.Core.Aws;
using GymIoT.Core.Live;
using GymIoT.Core.Members;
using GymIoT.Core.Messaging;
using GymIoT.Core.Storage;
using GymIoT.Core.Telemetry;
using GymIoT.Core.Time;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GymIoT.Core.Hosting;

public static class CoreServiceExtensions
{
    /// <summary>
    /// What every GymIoT service uses: AWS clients and their health checks, the service's telemetry,
    /// the gym's calendar, queues with trace propagation, and the stores.
    /// </summary>
    public static IHostApplicationBuilder AddGymIoTCore(this IHostApplicationBuilder builder, string serviceName)
    {
        builder.AddAwsClients(ServiceAccess.Of(serviceName));
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new ServiceTelemetry(serviceName));
        builder.Services.AddOptions<GymOptions>()
            .BindConfiguration(GymOptions.SectionName)
            .Validate(options => TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out _), "Gym:TimeZone is not a known time zone.")
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new GymCalendar(services.GetRequiredService<IOptions<GymOptions>>().Value));
        builder.Services.AddSingleton<QueueDirectory>();
        builder.Services.AddSingleton<MessagePublisher>();
        builder.Services.AddOptions<MemberStoreOptions>()
            .BindConfiguration(MemberStoreOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new MemberStore(
            services.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IOptions<MemberStoreOptions>>().Value));
        builder.Services.AddSingleton<ActivityStore>();
        builder.Services.AddSingleton<QueueDepths>();
        builder.Services.AddSingleton<LiveListenerStore>();
        builder.Services.AddSingleton<LiveNotifier>();
        return builder;
    }
}
