using Microsoft.Extensions.Configuration;

namespace GymIoT.AppHost.Services;

public static class NotificationResourceExtensions
{
    /// <summary>
    /// Where a service's emails go (staff's error digests, members' alerts and confirmation links): the embedded backend's
    /// maildev inbox when it runs, else the SMTP server of the <c>Smtp</c> settings (its password as the secret parameter
    /// <c>smtp-password</c>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMailServer(this IResourceBuilder<ProjectResource> service, Backend.AwsBackend aws)
    {
        if (aws.MailCatcher is { } maildev)
        {
            var smtp = maildev.GetEndpoint("smtp");
            return service
                .WithEnvironment("Smtp__Host", smtp.Property(EndpointProperty.Host))
                .WithEnvironment("Smtp__Port", smtp.Property(EndpointProperty.Port))
                .WithEnvironment("Smtp__Security", "None")
                .WaitFor(maildev);
        }
        var configuration = service.ApplicationBuilder.Configuration.GetSection("Smtp");
        foreach (var setting in new[] { "Host", "Port", "Security", "UserName", "From", "To" })
        {
            if (configuration[setting] is { Length: > 0 } value)
            {
                service.WithEnvironment($"Smtp__{setting}", value);
            }
        }
        if (!string.IsNullOrEmpty(configuration["UserName"]))
        {
            service.WithEnvironment("Smtp__Password", SmtpPassword(service.ApplicationBuilder));
        }
        return service;
    }

    /// <summary>One parameter for every service that sends mail.</summary>
    private static IResourceBuilder<ParameterResource> SmtpPassword(IDistributedApplicationBuilder builder) =>
        builder.Resources.OfType<ParameterResource>().FirstOrDefault(p => p.Name == "smtp-password") is { } existing
            ? builder.CreateResourceBuilder(existing)
            : builder.AddParameter("smtp-password", secret: true);

    /// <summary>
    /// The original applet's IFTTT webhook: on when the secret parameter <c>ifttt-key</c> is set; event name and base URL
    /// from the <c>Ifttt</c> settings.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithIftttWebhook(this IResourceBuilder<ProjectResource> notifier)
    {
        var configuration = notifier.ApplicationBuilder.Configuration;
        foreach (var setting in new[] { "EventName", "BaseUrl" })
        {
            if (configuration[$"Ifttt:{setting}"] is { Length: > 0 } value)
            {
                notifier.WithEnvironment($"Ifttt__{setting}", value);
            }
        }
        if (!string.IsNullOrEmpty(configuration["Parameters:ifttt-key"]))
        {
            notifier.WithEnvironment("Ifttt__Key", notifier.ApplicationBuilder.AddParameter("ifttt-key", secret: true));
        }
        return notifier;
    }
}
