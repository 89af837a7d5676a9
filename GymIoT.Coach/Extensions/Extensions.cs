using GymIoT.Core.Coaching;
using GymIoT.Core.Hosting;
using GymIoT.Core.Mail;
using GymIoT.Core.Messaging;
using GymIoT.Core.Storage;

namespace GymIoT.Coach.Extensions;

public static class Extensions
{
    public const string ServiceName = "GymIoT.Coach";

    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddGymIoTCore(ServiceName);

        builder.Services.AddOptions<CoachOptions>()
            .BindConfiguration(CoachOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.Services.AddTrainingCards();
        // A card and a "no email" answer per active member: bounded, so a gym of any size fits.
        builder.Services.AddMemoryCache(options => options.SizeLimit = 20_000);
        builder.Services.AddSingleton<CardOfTheDay>();
        builder.Services.AddSingleton<AlertStore>();
        builder.Services.AddSmtpMail();
        builder.Services.AddSingleton<AlertMailer>();
        builder.Services.AddSingleton<SettledAlerts>();
        builder.Services.AddSingleton<CoachSessionStore>();
        builder.Services.AddSingleton<CoachMetrics>();
        builder.Services.AddSingleton<ReadingCoach>();
        builder.Services.AddSingleton<PastDayReadings>();
        builder.Services.AddQueueConsumer<CoachOptions>(options => new ConsumerSettings(options.WaitTimeSeconds, options.VisibilityTimeoutSeconds));
        builder.Services.AddHostedService<CoachService>();
        builder.Services.AddSingleton<MemberActivityReader>();
        builder.Services.AddSingleton<MonthEndReview>();
        builder.Services.AddHostedService<MonthEndService>();
    }
}
