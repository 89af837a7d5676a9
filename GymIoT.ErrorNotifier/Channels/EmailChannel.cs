using System.Diagnostics;
using GymIoT.Core.Mail;
using GymIoT.Core.Telemetry;
using Microsoft.Extensions.Options;

namespace GymIoT.ErrorNotifier.Channels;

/// <summary>One digest email per batch to the gym's staff, over SMTP.</summary>
public sealed class EmailChannel(SmtpMailer mailer, IOptions<SmtpOptions> options, ServiceTelemetry telemetry) : INotificationChannel
{
    public string Name => "email";

    public bool IsEnabled => mailer.IsEnabled;

    public async Task<IReadOnlyCollection<string>> DeliverAsync(IReadOnlyList<IncomingReport> reports, CancellationToken cancellationToken)
    {
        using var span = telemetry.ActivitySource.StartActivity(
            "notify email", ActivityKind.Client, reports[0].Trace, links: [.. reports.Skip(1).Select(r => new ActivityLink(r.Trace))]);
        span?.SetTag("gymiot.notification.channel", Name).SetTag("gymiot.report.count", reports.Count).SetTag("server.address", mailer.Host);
        using var message = EmailDigest.Compose(reports, options.Value.From, options.Value.To);
        await mailer.SendAsync(message, cancellationToken);
        return [.. reports.Select(r => r.ReportId)];
    }
}
