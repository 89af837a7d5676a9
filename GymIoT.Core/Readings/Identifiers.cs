using System.Globalization;

namespace GymIoT.Core.Readings;

/// <summary>
/// The ids GymIoT keys its items by (reading, device, member and report ids): 1–<see cref="MaxLength"/> printable ASCII
/// characters, not all blank. Each one becomes a DynamoDB key or an entry of an item's id set, so its length bounds the item's size, and
/// an id a person reads on a staff page or in an email cannot hide or reorder characters.
/// </summary>
public static class Identifiers
{
    public const int MaxLength = 64;

    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && id.All(IsPrintableAscii) && !string.IsNullOrWhiteSpace(id);

    /// <summary>Why <paramref name="id"/> cannot be an id, in words for an error report; null when it can.</summary>
    public static string? Problem(string id)
    {
        if (string.IsNullOrWhiteSpace(id))
        {
            return "is empty";
        }
        if (id.Length > MaxLength)
        {
            return $"has {id.Length} characters, more than {MaxLength}";
        }
        if (id.FirstOrDefault(c => !IsPrintableAscii(c)) is var odd && odd == default)
        {
            return null;
        }
        var code = ((int)odd).ToString("X4", CultureInfo.InvariantCulture);
        return odd switch
        {
            _ when char.IsControl(odd) => $"holds the control character U+{code}",
            _ when char.GetUnicodeCategory(odd) == UnicodeCategory.Format => $"holds the invisible or direction-changing character U+{code}",
            _ => $"holds U+{code}: ids are printable ASCII characters",
        };
    }

    private static bool IsPrintableAscii(char c) => c is >= ' ' and < '\u007f';
}
