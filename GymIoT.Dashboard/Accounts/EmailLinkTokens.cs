using System.Security.Cryptography;
using GymIoT.Core.Members;
using Microsoft.AspNetCore.DataProtection;

namespace GymIoT.Dashboard.Accounts;

/// <summary>
/// The token of an email confirmation link: signed and encrypted with the dashboard's Data Protection keys (kept in
/// DynamoDB, so a link outlives a restart), it names the member and the address and expires after
/// <see cref="EmailAddressRules.LinkLifetime"/>.
/// </summary>
public sealed class EmailLinkTokens(IDataProtectionProvider protection, TimeProvider timeProvider)
{
    /// <summary>Far longer than any token issued, far shorter than anything that would cost the dashboard to decrypt.</summary>
    public const int MaxLength = 2048;

    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("GymIoT.Dashboard.EmailConfirmation").ToTimeLimitedDataProtector();

    public string Issue(string memberId, string address) =>
        _protector.Protect($"{memberId}\n{address}", timeProvider.GetUtcNow() + EmailAddressRules.LinkLifetime);

    /// <returns>The address the token confirms for the member, or null when it is forged, altered, expired or another member's.</returns>
    public string? AddressIn(string? token, string memberId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }
        try
        {
            return _protector.Unprotect(token).Split('\n') is [var member, var address] && member == memberId ? address : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
