using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace GymIoT.Core.Mail;

/// <summary>Sends a message through the gym's mail server (<see cref="SmtpOptions"/>); every service that emails uses it.</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.Host);

    /// <summary>The sender every GymIoT email carries.</summary>
    public MailboxAddress From => MailboxAddress.Parse(options.Value.From);

    public string Host => options.Value.Host ?? "";

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient { Timeout = 15_000 };
        var security = smtp.Security switch
        {
            SmtpSecurity.None => SecureSocketOptions.None,
            SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
            _ => SecureSocketOptions.StartTls,
        };
        await client.ConnectAsync(smtp.Host!, smtp.Port, security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
