using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.Core.Mail;

public static class MailServiceExtensions
{
    /// <summary>The gym's mail server, from the <c>Smtp</c> section; email is off while no host is set.</summary>
    public static IServiceCollection AddSmtpMail(this IServiceCollection services)
    {
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.SectionName);
        services.AddSingleton<SmtpMailer>();
        return services;
    }
}
