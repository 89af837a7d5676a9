using Microsoft.Extensions.Configuration;

namespace GymIoT.AppHost.Services;

public static class NotificationResourceExtensions
{
    /// <summary>
    /// Where error emails go: the embedded backend's maildev inbox when it runs, else the SMTP server of the <c>Smtp</c>
    /// settings (its password as the secret parameter <c>smtp-password</c>).
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithMailServer(this IResourceBuilder<ProjectResource> notifier, Backend.AwsBackend aws)
    {
        if (aws.MailCatcher is { } maildev)
        {
            var smtp = maildev.GetEndpoint("smtp");
            return notifier
                .WithEnvironment("Smtp__Host", smtp.Property(EndpointProperty.Host))
                .WithEnvironment("Smtp__Port", smtp.Property(EndpointProperty.Port))
                .WithEnvironment("Smtp__Security", "None")
                .WaitFor(maildev);
        }
        var configuration = notifier.ApplicationBuilder.Configuration.GetSection("Smtp");
        foreach (var setting in new[] { "Host", "Port", "Security", "UserName", "From", "To" })
        {
            if (configuration[setting] is { Length: > 0 } value)
            {
                notifier.WithEnvironment($"Smtp__{setting}", value);
            }
        }
        if (!string.IsNullOrEmpty(configuration["UserName"]))
        {
            notifier.WithEnvironment("Smtp__Password", notifier.ApplicationBuilder.AddParameter("smtp-password", secret: true));
        }
        return notifier;
    }

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
