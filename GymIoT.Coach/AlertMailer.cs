using System.Diagnostics;
using GymIoT.Core.Coaching;
using GymIoT.Core.Mail;
using GymIoT.Core.Members;
using GymIoT.Core.Telemetry;
using Microsoft.Extensions.Caching.Memory;

namespace GymIoT.Coach;

/// <summary>
/// Emails an alert to its member when they opted in (a confirmed address, alert emails on), and marks the alert with the
/// outcome, so it is seen to once. A failed send leaves the alert unmarked and the reading coached: the alert is on the
/// member's pages already, and a later delivery of its reading tries the email again.
/// </summary>
public sealed partial class AlertMailer(
    MemberStore members,
    AlertStore alerts,
    SmtpMailer mailer,
    IMemoryCache cache,
    TimeProvider timeProvider,
    ServiceTelemetry telemetry,
    CoachMetrics metrics,
    ILogger<AlertMailer> logger)
{
    /// <summary>
    /// How long a reading of "no email goes out" stands for a member's later alerts. Only that answer is remembered: a
    /// member who switches alert emails off is followed at their next alert, one who switches them on within this time.
    /// </summary>
    public static readonly TimeSpan NoEmailRememberedFor = TimeSpan.FromMinutes(1);

    /// <summary>Where a member's alerts go now: read once for all the alerts of a reading.</summary>
    public async Task<AlertMailing> MailingOfAsync(string memberId, CancellationToken cancellationToken)
    {
        var key = new NoEmailKey(memberId);
        var now = timeProvider.GetUtcNow();
        if (cache.TryGetValue(key, out NoEmail? known) && now - known!.ReadAt < NoEmailRememberedFor)
        {
            return known.Mailing;
        }
        var email = await members.EmailAsync(memberId, cancellationToken);
        var mailing = !email.SendsAlerts ? new AlertMailing(null, AlertMail.NotWanted)
            : !mailer.IsEnabled ? new AlertMailing(null, AlertMail.NoMailServer)
            : new AlertMailing(email.Address, null);
        if (mailing.Address is null)
        {
            cache.Set(key, new NoEmail(mailing, now), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = NoEmailRememberedFor });
        }
        return mailing;
    }

    /// <summary>Sends the alert's email, or records why none goes out, as <paramref name="mailing"/> says.</summary>
    /// <returns>True when the alert is marked; false when the email could not be sent.</returns>
    public async Task<bool> SeeToAsync(CoachAlert alert, AlertMailing mailing, CancellationToken cancellationToken)
    {
        if (mailing.Address is not { } address)
        {
            await alerts.MarkMailedAsync(alert.MemberId, alert.AlertId, mailing.Unsent!, cancellationToken);
            return true;
        }
        using (var span = telemetry.ActivitySource.StartActivity("email alert", ActivityKind.Client))
        {
            span?.SetTag("gymiot.alert.id", alert.AlertId).SetTag("server.address", mailer.Host);
            try
            {
                using var message = AlertEmail.Compose(alert, mailer.From, address);
                await mailer.SendAsync(message, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                span?.AddException(ex).SetStatus(ActivityStatusCode.Error, ex.Message);
                metrics.EmailFailed();
                LogEmailFailed(ex, alert.AlertId, alert.MemberId);
                return false;
            }
        }
        await alerts.MarkMailedAsync(alert.MemberId, alert.AlertId, AlertMail.Sent, cancellationToken);
        metrics.Emailed();
        return true;
    }

    private sealed record NoEmailKey(string MemberId);

    private sealed record NoEmail(AlertMailing Mailing, DateTimeOffset ReadAt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The email of alert {AlertId} to {MemberId} could not be sent; a later delivery of its reading tries again")]
    private partial void LogEmailFailed(Exception exception, string alertId, string memberId);
}

/// <summary>Where a member's alerts go: the address to email them to, or else the <see cref="AlertMail"/> outcome recorded without sending.</summary>
public sealed record AlertMailing(string? Address, string? Unsent);
