using GymIoT.Core.Members;
using MimeKit;

namespace GymIoT.Dashboard.Accounts;

/// <summary>The email that carries a confirmation link to the address a member gave.</summary>
public static class EmailConfirmationEmail
{
    public static MimeMessage Compose(Uri link, MailboxAddress from, string to)
    {
        var message = new MimeMessage
        {
            Subject = "[GymIoT] Confirm your email address",
            Body = new TextPart("plain")
            {
                Text = $"Follow this link to confirm that {to} is yours and receive your training alerts there:\n\n{link}\n\n" +
                       $"It works for {EmailAddressRules.LinkLifetime.TotalHours:0} hours. If you did not ask for it, ignore this email.\n",
            },
        };
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(to));
        return message;
    }
}
