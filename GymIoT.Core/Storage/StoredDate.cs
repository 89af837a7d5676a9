using System.Globalization;

namespace GymIoT.Core.Storage;

/// <summary>How every table and key writes a local date: <c>yyyy-MM-dd</c>, so that strings sort as dates do.</summary>
public static class StoredDate
{
    private const string Format = "yyyy-MM-dd";

    public static string Of(DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static DateOnly Parse(string text) => DateOnly.ParseExact(text, Format, CultureInfo.InvariantCulture);

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}
