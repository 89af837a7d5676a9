using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace GymIoT.Core.Readings;

/// <summary>What is wrong with a field, and under which reason a reading carrying it is refused.</summary>
public sealed record FieldProblem(RejectionReason Reason, string Detail);

/// <summary>
/// Reads the fields of a JSON object that anyone could have written (a sensor's reading, a report on <c>Errors</c>): each
/// reader returns the value asked for, or a <see cref="FieldProblem"/> that says precisely what came instead. Readings and
/// error reports are read with the same readers, so the same odd input is treated alike in both.
/// </summary>
public static partial class JsonFields
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = ReadingLimits.MaxJsonDepth };

    /// <summary>The body as one JSON object, or null with what it is instead.</summary>
    public static JsonDocument? ParseObject(string body, out string problem)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            problem = $"the body is not JSON ({ex.Message})";
            return null;
        }
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            problem = $"the body is a JSON {document.RootElement.ValueKind.ToString().ToLowerInvariant()}, not an object";
            document.Dispose();
            return null;
        }
        problem = "";
        return document;
    }

    /// <summary>The field as it came, bounded for a report: a string's text, any other value's JSON; null when absent or null.</summary>
    public static string? Raw(JsonElement root, string field, int maxLength = ReadingLimits.ReportedValueLength) =>
        root.TryGetProperty(field, out var element) && element.ValueKind != JsonValueKind.Null
            ? ReportText.Excerpt(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText(), maxLength)
            : null;

    /// <summary>
    /// The field if it is a string; "" when it is any other value, so that a device id of <c>42</c> names no device instead
    /// of a made-up one; <paramref name="absent"/> when it is not there.
    /// </summary>
    public static string StringOnly(JsonElement root, string field, string absent) =>
        !root.TryGetProperty(field, out var element) ? absent
        : element.ValueKind == JsonValueKind.String ? ReportText.Excerpt(element.GetString()!, ReadingLimits.ReportedValueLength)
        : "";

    public static FieldProblem? RequiredText(JsonElement root, string field, out string value)
    {
        value = "";
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return new(RejectionReason.MissingField, $"{field} is missing");
        }
        if (element.ValueKind != JsonValueKind.String)
        {
            return new(RejectionReason.WrongType, $"{field} must be a string, not {Describe(element)}");
        }
        value = element.GetString()!;
        if (string.IsNullOrWhiteSpace(value))
        {
            return new(RejectionReason.EmptyField, $"{field} is empty");
        }
        return null;
    }

    /// <summary>A short text value: at most <see cref="ReadingLimits.MaxTextLength"/> characters, none of them a control character.</summary>
    public static FieldProblem? RequiredString(JsonElement root, string field, out string value)
    {
        if (RequiredText(root, field, out value) is { } problem)
        {
            return problem;
        }
        if (value.Length > ReadingLimits.MaxTextLength || value.Any(char.IsControl))
        {
            return new(RejectionReason.WrongType, $"{field} is not a value (too long or with control characters)");
        }
        return null;
    }

    /// <summary>A string that will key an item: see <see cref="Identifiers"/>.</summary>
    public static FieldProblem? RequiredId(JsonElement root, string field, out string value)
    {
        if (RequiredText(root, field, out value) is { } problem)
        {
            return problem;
        }
        return Identifiers.Problem(value) is { } why ? new(RejectionReason.InvalidIdentifier, $"{field} {why}") : null;
    }

    public static FieldProblem? RequiredNumber(JsonElement root, string field, out double value)
    {
        value = 0;
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return new(RejectionReason.MissingField, $"{field} is missing");
        }
        if (element.ValueKind != JsonValueKind.Number)
        {
            return new(RejectionReason.NotANumber, $"{field} must be a JSON number, not {Describe(element)}");
        }
        if (!element.TryGetDouble(out value) || !double.IsFinite(value))
        {
            return new(RejectionReason.NotANumber, $"{field} {Excerpt(element.GetRawText())} is too large to be a number");
        }
        return null;
    }

    /// <summary>A whole number that may be absent (or null): <paramref name="value"/> is then null.</summary>
    public static FieldProblem? OptionalWholeNumber(JsonElement root, string field, out int? value)
    {
        value = null;
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out var whole))
        {
            return new(RejectionReason.WrongType, $"{field} must be a whole JSON number, not {Describe(element)}");
        }
        value = whole;
        return null;
    }

    /// <summary>
    /// A list of whole numbers that may be absent (or null): <paramref name="values"/> is then null. Longer than
    /// <paramref name="maxCount"/> is refused before it is read.
    /// </summary>
    public static FieldProblem? OptionalWholeNumbers(JsonElement root, string field, int maxCount, out int[]? values)
    {
        values = null;
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.Array)
        {
            return new(RejectionReason.WrongType, $"{field} must be a JSON array of whole numbers, not {Describe(element)}");
        }
        var count = element.GetArrayLength();
        if (count > maxCount)
        {
            return new(RejectionReason.WrongType, $"{field} has {count} values, more than {maxCount}");
        }
        var read = new int[count];
        var index = 0;
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !item.TryGetInt32(out read[index]))
            {
                return new(RejectionReason.WrongType, $"{field}[{index}] must be a whole JSON number, not {Describe(item)}");
            }
            index++;
        }
        values = read;
        return null;
    }

    /// <summary>A number written as a JSON number or as a string, as the original sensors do.</summary>
    public static FieldProblem? NumberInString(JsonElement root, string field, out double value)
    {
        value = 0;
        if (!root.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return new(RejectionReason.MissingField, $"{field} is missing");
        }
        var text = element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!,
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
        if (text is null)
        {
            return new(RejectionReason.NotANumber, $"{field} must be a number, not {Describe(element)}");
        }
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(RejectionReason.EmptyField, $"{field} is empty");
        }
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) || !double.IsFinite(value))
        {
            return new(RejectionReason.NotANumber, $"{field} '{Excerpt(text)}' is not a number");
        }
        return null;
    }

    /// <summary>An ISO-8601 time with its zone (Z or an offset): a time without one could be anyone's local time.</summary>
    public static FieldProblem? RequiredTimestamp(JsonElement root, string field, out DateTimeOffset value)
    {
        value = default;
        if (RequiredString(root, field, out var text) is { } problem)
        {
            return problem;
        }
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value))
        {
            return new(RejectionReason.InvalidTimestamp, $"{field} '{Excerpt(text)}' is not an ISO-8601 time");
        }
        if (!ZoneDesignator().IsMatch(text))
        {
            return new(RejectionReason.InvalidTimestamp, $"{field} '{Excerpt(text)}' has no time zone: end it with Z or an offset such as +01:00");
        }
        return null;
    }

    /// <summary>A value as a report names it, bounded.</summary>
    public static string Excerpt(string text) => ReportText.Excerpt(text, ReadingLimits.ReportedValueLength);

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string '{Excerpt(element.GetString()!)}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => Excerpt(element.GetRawText()),
    };

    [GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex ZoneDesignator();
}
