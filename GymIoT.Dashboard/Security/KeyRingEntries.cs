using System.Xml.Linq;

namespace GymIoT.Dashboard.Security;

/// <summary>What a stored Data Protection entry holds.</summary>
public static class KeyRingEntries
{
    /// <summary>Data Protection marks the secret of a key (its master key) so; once encrypted, the mark is gone with it.</summary>
    private static readonly XName RequiresEncryption = XName.Get("requiresEncryption", "http://schemas.asp.net/2015/03/dataProtection");

    public static bool HoldsSecretInClear(XElement entry) =>
        entry.DescendantsAndSelf().Any(e => (string?)e.Attribute(RequiresEncryption) == "true");
}
