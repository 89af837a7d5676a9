using System.Diagnostics;
using GymIoT.Core.Telemetry;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;

namespace GymIoT.ErrorNotifier.Channels;

/// <summary>One digest email per batch, over SMTP.</summary>
public sealed class EmailChannel(IOptions<SmtpOptions> options, ServiceTelemetry telemetry) : INotificationChannel
{
    public string Name => "email";

    public bool IsEnabled => !string.IsNullOrWhiteSpace(options.Value.Host);

    public async Task<IReadOnlyCollection<string>> DeliverAsync(IReadOnlyList<IncomingReport> reports, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var span = telemetry.ActivitySource.StartActivity(
            "notify email", ActivityKind.Client, reports[0].Trace, links: [.. reports.Skip(1).Select(r => new ActivityLink(r.Trace))]);
        span?.SetTag("gymiot.notification.channel", Name).SetTag("gymiot.report.count", reports.Count).SetTag("server.address", smtp.Host);
        using var message = EmailDigest.Compose(reports, smtp.From, smtp.To);
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
        return [.. reports.Select(r => r.ReportId)];
    }
}
