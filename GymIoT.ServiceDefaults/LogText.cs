using System.Text;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Text as a log line may carry it: control characters (a line break forges a log line of its own), bidirectional
/// overrides and isolates (they turn what a reader sees around), zero-width characters and lone surrogates are written as
/// <c>\uXXXX</c>, so a device id or any other received string shows in the logs as what it is.
/// </summary>
public static class LogText
{
    public static string Escape(string text)
    {
        var first = FirstToEscape(text);
        if (first < 0)
        {
            return text;
        }
        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                escaped.Append(text, i++, 2);
            }
            else if (MustEscape(text[i]))
            {
                escaped.Append(@"\u").Append(((int)text[i]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                escaped.Append(text[i]);
            }
        }
        return escaped.ToString();
    }

    private static int FirstToEscape(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogatePair(text, i))
            {
                i++;
            }
            else if (MustEscape(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool MustEscape(char c) =>
        char.IsControl(c) || char.IsSurrogate(c)
        || c is '\u061C' or (>= '\u200B' and <= '\u200F') or (>= '\u2028' and <= '\u202E') or (>= '\u2060' and <= '\u2069') or '\uFEFF';
}
