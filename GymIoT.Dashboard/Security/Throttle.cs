using System.Security.Cryptography;
using System.Text;

namespace GymIoT.Dashboard.Security;

/// <summary>
/// A limit on how often something may happen to one subject: <paramref name="Limit"/> times in a <paramref name="Window"/>
/// that opens with the first. <paramref name="Name"/> keeps subjects of different limits apart.
/// </summary>
public sealed record Throttle(string Name, int Limit, TimeSpan Window)
{
    /// <summary>
    /// The stored key of a subject: a hash, so that neither a typed username (which may be a password typed in the wrong
    /// field) nor an address is kept, and any subject fits a key.
    /// </summary>
    public string KeyOf(params string[] subject) =>
        $"{Name}#{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', subject))))[..32]}";
}
