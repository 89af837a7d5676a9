using GymIoT.Core.Mail;
using GymIoT.Core.Members;
using GymIoT.Dashboard.Security;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// Confirms that a member's email address is theirs: a link sent to it carries a token (<see cref="EmailLinkTokens"/>), and
/// following it confirms the address only for that member, signed in, while the address is still theirs. The link starts
/// with the dashboard's configured public address, whatever host the request named. An address gets at most
/// <see cref="AccountThrottles.LinksToOneAddress"/>, whoever asks, and the gym sends at most
/// <see cref="AccountRateLimitOptions.ConfirmationMailsPerHour"/> in all.
/// </summary>
public sealed partial class EmailConfirmation(
    EmailLinkTokens tokens,
    MemberStore members,
    SmtpMailer mailer,
    ThrottleStore throttles,
    IOptions<PublicSiteOptions> site,
    IOptions<AccountRateLimitOptions> limits,
    TimeProvider timeProvider,
    ILogger<EmailConfirmation> logger)
{
    public const string PagePath = "profile/email/confirm";

    /// <summary>Sets the member's new address and sends the link to it.</summary>
    /// <returns>Null when the link is sent, else the message for the form.</returns>
    public async Task<string?> SendLinkAsync(string memberId, string address, CancellationToken cancellationToken = default)
    {
        if (EmailAddressRules.Check(address) is { } problem)
        {
            return problem;
        }
        if (!mailer.IsEnabled)
        {
            return "This gym has no mail server set up: emails cannot be sent.";
        }
        var now = timeProvider.GetUtcNow();
        if (!await members.RequestEmailAsync(memberId, address, now, cancellationToken))
        {
            return "A link was sent less than a minute ago: wait a minute, then try again.";
        }
        var toAddress = AccountThrottles.LinksToOneAddress;
        if (!(await throttles.TakeAsync(toAddress, toAddress.KeyOf(address.ToLowerInvariant()), now, cancellationToken)).Granted)
        {
            LogAddressFull(memberId, toAddress.Limit);
            return $"This address has had {toAddress.Limit} confirmation links in the last hour: try again later.";
        }
        var all = AccountThrottles.ConfirmationMails(limits.Value);
        if (!(await throttles.TakeAsync(all, AccountThrottles.EveryoneIn(all, now), now, cancellationToken)).Granted)
        {
            LogGymFull(all.Limit);
            return "The gym has sent all the confirmation emails it may send this hour: try again later.";
        }
        var link = new Uri(site.Value.BaseUrl, $"{PagePath}?token={Uri.EscapeDataString(tokens.Issue(memberId, address))}");
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "No confirmation link for member {MemberId}: the address had its {Limit} of the hour")]
    private partial void LogAddressFull(string memberId, int limit);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No confirmation link sent: the gym sent its {Limit} of the hour")]
    private partial void LogGymFull(int limit);

    [LoggerMessage(Level = LogLevel.Information, Message = "Confirmation link sent for member {MemberId}")]
    private partial void LogLinkSent(string memberId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The confirmation link for member {MemberId} could not be sent")]
    private partial void LogLinkFailed(Exception exception, string memberId);
}
