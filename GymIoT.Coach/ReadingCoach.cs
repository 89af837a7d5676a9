using System.Diagnostics;
using System.Text.Json;
using GymIoT.Core.Coaching;
using GymIoT.Core.Members;
using GymIoT.Core.Messaging;
using GymIoT.Core.Queues;
using GymIoT.Core.Readings;
using GymIoT.Core.Telemetry;
using GymIoT.Core.Time;

namespace GymIoT.Coach;

/// <summary>
/// Coaches one stored reading: records the session on the member's day, judges it against the
/// member's card and the day's other sessions, and raises each alert due that its cause has not raised yet, then sees to its email. Everything
/// it writes is keyed by the reading or the cause, so a reading delivered again, or handled again after a crash, changes
/// nothing and raises nothing twice. Alerts are live: a session of a past day (history sent late, a reading delivered
/// after midnight) is let go without one.
/// </summary>
public sealed partial class ReadingCoach(
    MemberStore members,
    CoachSessionStore sessions,
    AlertStore alerts,
    AlertMailer mailer,
    SettledAlerts settled,
    CardOfTheDay cards,
    GymCalendar calendar,
    ServiceTelemetry telemetry,
    CoachMetrics metrics,
    PastDayReadings pastDays,
    TimeProvider timeProvider,
    ILogger<ReadingCoach> logger)
{
    /// <summary>The reading a message carries, or null when it carries none the coach can use.</summary>
    public static Reading? Read(ReceivedMessage message)
    {
        try
        {
            var reading = JsonSerializer.Deserialize(message.Body, MessageJson.Default.Reading);
            return reading is not null
                && Identifiers.IsValid(reading.ReadingId) && Identifiers.IsValid(reading.MemberId)
                && QueueNames.Machines.Contains(reading.Machine)
                && reading.DurationSeconds is > 0 && reading.DurationSeconds <= ReadingLimits.MaxDuration.TotalSeconds
                    ? reading
                    : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <returns>True when the reading is coached; false when the message must come back (and in the end go to <c>Coaching-dlq</c>).</returns>
    public async Task<bool> HandleAsync(ReceivedMessage message, Reading? reading, CancellationToken cancellationToken)
    {
        using var span = ConsumerSpan.Start(telemetry.ActivitySource, message.Queue, message.MessageId, message.Trace);
        // What the coach does for the reading is traced in the reading's trace.
        using var inTrace = AmbientSpan.Set(span);
        try
        {
            if (reading is null)
            {
                span?.SetStatus(ActivityStatusCode.Error, "not a stored reading");
                LogUnreadable(message.MessageId);
                return false;
            }
            var day = calendar.LocalDate(reading.StartedAt);
            if (day != calendar.LocalDate(timeProvider.GetUtcNow()))
            {
                span?.SetTag("gymiot.coach.outcome", "past day");
                pastDays.Seen();
                metrics.Handled();
                return true;
            }
            // A member who deleted their account is no longer coached: nothing is written under their id again.
            if (!await members.ExistsAsync(reading.MemberId, cancellationToken))
            {
                span?.SetTag("gymiot.coach.outcome", "no such member");
                metrics.Handled();
                return true;
            }
            var session = new TrainingSession(reading.ReadingId, reading.Machine, reading.StartedAt, reading.DurationSeconds / 60, reading.HeartRatePerMinute);
            // The day's write and the card's reads do not wait on each other: one round trip to the store, not up to three.
            var recording = sessions.RecordAsync(reading.MemberId, day, session, cancellationToken);
            var finding = cards.OnAsync(reading.MemberId, day, cancellationToken);
            await Task.WhenAll(recording, finding);
            var (known, card) = (await recording, await finding);
            var due = AlertRules.For(reading.MemberId, day, card, known, session);
            var unsettled = due.Where(alert => !settled.Knows(alert)).ToList();
            if (unsettled.Count > 0)
            {
                // The member's mail settings are read once for the reading's alerts; an alert no email is to go out for
                // is raised with that outcome, in one write.
                var mailing = await mailer.MailingOfAsync(reading.MemberId, cancellationToken);
                foreach (var alert in unsettled)
                {
                    if (await SettleAsync(alert, mailing, cancellationToken))
                    {
                        settled.Remember(alert);
                    }
                }
            }
            metrics.Handled();
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            span?.AddException(ex).SetStatus(ActivityStatusCode.Error, ex.Message);
            LogFailed(ex, message.MessageId);
            return false;
        }
    }

    /// <summary>
    /// Raises the alert unless its cause has raised it, and sees to its email unless that was seen to. Raising is tried
    /// first: nearly always the cause is new, and the write that raises it is the one request it needs.
    /// </summary>
    /// <returns>True when both are done; false when the email could not be sent (a later delivery tries again).</returns>
    private async Task<bool> SettleAsync(CoachAlert alert, AlertMailing mailing, CancellationToken cancellationToken)
    {
        if (await RaiseAsync(alert, mailing.Unsent, cancellationToken))
        {
            return mailing.Address is null || await mailer.SeeToAsync(alert, mailing, cancellationToken);
        }
        // Raised before: by an earlier delivery of the reading, by another coach, or by this one before a restart.
        var seenTo = (await alerts.RaisedAsync(alert.MemberId, [alert.AlertId], cancellationToken)).GetValueOrDefault(alert.AlertId);
        return seenTo || await mailer.SeeToAsync(alert, mailing, cancellationToken);
    }

    /// <returns>True when this call raised it; false when it had been raised before.</returns>
    private async Task<bool> RaiseAsync(CoachAlert alert, string? mailOutcome, CancellationToken cancellationToken)
    {
        using var span = telemetry.ActivitySource.StartActivity("raise alert");
        span?.SetTag("gymiot.alert.id", alert.AlertId).SetTag("gymiot.alert.kind", alert.Kind.ToString()).SetTag("gymiot.member.id", alert.MemberId);
        if (await alerts.RaiseAsync(alert, timeProvider.GetUtcNow(), mailOutcome, cancellationToken))
        {
            metrics.Raised(alert.Kind);
            LogRaised(alert.Kind, alert.MemberId, alert.Message);
            return true;
        }
        span?.SetTag("gymiot.alert.outcome", "raised before");
        return false;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} alert for {MemberId}: {Message}")]
    private partial void LogRaised(AlertKind kind, string memberId, string message);

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} on Coaching is not a stored reading; it is left for Coaching-dlq")]
    private partial void LogUnreadable(string messageId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading in message {MessageId} could not be coached; it will be delivered again")]
    private partial void LogFailed(Exception exception, string messageId);
}
