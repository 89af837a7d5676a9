namespace GymIoT.Dashboard.MemberData;

/// <summary>
/// CSV as spreadsheets read it (RFC 4180): a field with a comma, quote or line break is quoted. A text that a spreadsheet
/// would run as a formula (=, +, -, @ first) is written with an apostrophe before it.
/// </summary>
public static class Csv
{
    public static string Line(params IEnumerable<string?> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out _))
        {
            text = "'" + text;
        }
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
