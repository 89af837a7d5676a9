using GymIoT.Core.Mail;
using GymIoT.Core.Members;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// Confirms that a member's email address is theirs: a link sent to it carries a token (<see cref="EmailLinkTokens"/>), and
/// following it confirms the address only for that member, signed in, while the address is still theirs.
/// </summary>
public sealed partial class EmailConfirmation(
    EmailLinkTokens tokens,
    MemberStore members,
    SmtpMailer mailer,
    TimeProvider timeProvider,
    ILogger<EmailConfirmation> logger)
{
    public const string PagePath = "profile/email/confirm";

    /// <summary>Sets the member's new address and sends the link to it.</summary>
    /// <param name="siteUrl">The dashboard's address, which the link starts with.</param>
    /// <returns>Null when the link is sent, else the message for the form.</returns>
    public async Task<string?> SendLinkAsync(string memberId, string address, Uri siteUrl, CancellationToken cancellationToken = default)
    {
        if (EmailAddressRules.Check(address) is { } problem)
        {
            return problem;
        }
        if (!mailer.IsEnabled)
        {
            return "This gym has no mail server set up: emails cannot be sent.";
        }
        if (!await members.RequestEmailAsync(memberId, address, timeProvider.GetUtcNow(), cancellationToken))
        {
            return "A link was sent less than a minute ago: wait a minute, then try again.";
        }
        var link = new Uri(siteUrl, $"{PagePath}?token={Uri.EscapeDataString(tokens.Issue(memberId, address))}");
        using var message = EmailConfirmationEmail.Compose(link, mailer.From, address);
        try
        {
            await mailer.SendAsync(message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogLinkFailed(ex, memberId);
            return "The link could not be sent: try again in a minute.";
        }
        LogLinkSent(memberId);
        return null;
    }

    /// <returns>The confirmed address, or null when the token does not confirm the member's current address.</returns>
    public async Task<string?> ConfirmAsync(string? token, string memberId, CancellationToken cancellationToken = default) =>
        tokens.AddressIn(token, memberId) is { } address && await members.ConfirmEmailAsync(memberId, address, cancellationToken) ? address : null;

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation link sent for member {MemberId}")]
    private partial void LogLinkSent(string memberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The confirmation link for member {MemberId} could not be sent")]
    private partial void LogLinkFailed(Exception exception, string memberId);
}
