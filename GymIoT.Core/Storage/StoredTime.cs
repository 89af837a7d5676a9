using System.Globalization;

namespace GymIoT.Core.Storage;

/// <summary>How every table stores a moment: UTC ISO-8601 to the millisecond, so that strings compare as times do.</summary>
public static class StoredTime
{
    public static string Of(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}
