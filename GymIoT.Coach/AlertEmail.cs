using GymIoT.Core.Coaching;
using MimeKit;

namespace GymIoT.Coach;

/// <summary>The email a member who opted in gets for an alert: its kind and what to do, as the toast says it.</summary>
public static class AlertEmail
{
    public static MimeMessage Compose(CoachAlert alert, MailboxAddress from, string to)
    {
        var message = new MimeMessage
        {
            Subject = $"[GymIoT] {AlertText.Of(alert.Kind)}: {alert.Message}",
            Body = new TextPart("plain")
            {
                Text = $"{AlertText.Of(alert.Kind)}\n\n{alert.Message}\n\n" +
                       "You get this email because you switched on alert emails on your GymIoT profile, where you can switch them off.\n",
            },
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
