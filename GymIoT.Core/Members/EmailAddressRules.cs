using System.Net.Mail;

namespace GymIoT.Core.Members;

/// <summary>Which email addresses a member may give, and how often a confirmation link may be sent.</summary>
public static class EmailAddressRules
{
    /// <summary>The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets).</summary>
    public const int MaxLength = 254;

    /// <summary>One confirmation link per member in this time, so a form posted in a loop cannot flood someone's inbox.</summary>
    public static readonly TimeSpan LinkInterval = TimeSpan.FromMinutes(1);

    /// <summary>How long a confirmation link works.</summary>
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <returns>Null when <paramref name="address"/> is a single plain address (no display name, no control or non-ASCII characters), else why not.</returns>
    public static string? Check(string? address)
    {
        if (string.IsNullOrWhiteSpace(address))
        {
            return "Enter an email address.";
        }
        if (address.Length > MaxLength)
        {
            return $"An email address has at most {MaxLength} characters.";
        }
        if (address.Any(c => c <= ' ' || c > '~'))
        {
            return "An email address has no spaces, control characters or accented letters.";
        }
        return MailAddress.TryCreate(address, out var parsed) && parsed.Address == address && parsed.DisplayName.Length == 0
            && parsed.Host.Contains('.') && !parsed.Host.StartsWith('.') && !parsed.Host.EndsWith('.')
            ? null
            : "This is not an email address (like name@example.com).";
    }
}
