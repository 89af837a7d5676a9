using System.Globalization;

namespace GymIoT.Core.Readings;

/// <summary>Raw values kept for an error report: bounded, and always valid Unicode, so the report can be written and read.</summary>
public static class ReportText
{
    /// <summary>At most <paramref name="maxLength"/> characters (then "…"); an unpaired surrogate becomes U+FFFD.</summary>
    public static string Excerpt(string text, int maxLength)
    {
        var start = text.Length <= maxLength ? text : text[..maxLength] + "…";
        return string.Concat(start.EnumerateRunes().Select(rune => rune.ToString()));
    }

    /// <summary>A number as a report writes it: at most two decimals, invariant.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
