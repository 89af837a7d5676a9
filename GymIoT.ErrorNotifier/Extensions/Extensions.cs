using GymIoT.Core.Messaging;
using GymIoT.Core.Hosting;
using GymIoT.Core.Mail;
using GymIoT.ErrorNotifier.Channels;
using Microsoft.Extensions.Options;

namespace GymIoT.ErrorNotifier.Extensions;

public static class Extensions
{
    public const string ServiceName = "GymIoT.ErrorNotifier";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddGymIoTCore(ServiceName);

        builder.Services.AddOptions<NotifierOptions>()
            .BindConfiguration(NotifierOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSmtpMail();
        builder.Services.AddOptions<IftttOptions>().BindConfiguration(IftttOptions.SectionName);

        builder.Services.AddSingleton<INotificationChannel, EmailChannel>();
        // The key is part of the webhook's URL: this client writes no "Start processing HTTP request {Uri}" logs.
        builder.Services.AddHttpClient<IftttWebhookChannel>().RemoveAllLoggers();
        builder.Services.AddSingleton<INotificationChannel>(services => services.GetRequiredService<IftttWebhookChannel>());
        builder.Services.AddSingleton<DeliveryLedger>();
        builder.Services.AddSingleton<DeviceFaults>();
        builder.Services.AddSingleton<NotifierMetrics>();
        builder.Services.AddQueueConsumer<NotifierOptions>(options => new ConsumerSettings(options.WaitTimeSeconds, options.VisibilityTimeoutSeconds));
        builder.Services.AddSingleton<NotificationBatchProcessor>();
        builder.Services.AddHostedService<NotifierService>();
    }
}
