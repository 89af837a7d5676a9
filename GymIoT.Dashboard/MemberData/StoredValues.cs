using System.Globalization;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace GymIoT.Dashboard.MemberData;

/// <summary>A stored DynamoDB value as a member reads it in their export: as JSON, or as the text of one CSV field.</summary>
public static class StoredValues
{
    public static void Write(Utf8JsonWriter json, AttributeValue value)
    {
        switch (value)
        {
            case { S: { } text }:
                json.WriteStringValue(text);
                break;
            case { N: { } number }:
                json.WriteRawValue(decimal.Parse(number, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture));
                break;
            case { BOOL: { } flag }:
                json.WriteBooleanValue(flag);
                break;
            case { SS: { Count: > 0 } texts }:
                json.WriteStartArray();
                texts.ForEach(json.WriteStringValue);
                json.WriteEndArray();
                break;
            case { NS: { Count: > 0 } numbers }:
                json.WriteStartArray();
                numbers.ForEach(n => json.WriteRawValue(decimal.Parse(n, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)));
                json.WriteEndArray();
                break;
            case { L: { Count: > 0 } list }:
                json.WriteStartArray();
                list.ForEach(item => Write(json, item));
                json.WriteEndArray();
                break;
            case { M: { Count: > 0 } map }:
                json.WriteStartObject();
                foreach (var (name, item) in map)
                {
                    json.WritePropertyName(name);
                    Write(json, item);
                }
                json.WriteEndObject();
                break;
            default:
                json.WriteNullValue();
                break;
        }
    }

    /// <summary>Plain values as they are; lists, sets and maps as JSON.</summary>
    public static string Text(AttributeValue value) => value switch
    {
        { S: { } text } => text,
        { N: { } number } => number,
        { BOOL: { } flag } => flag ? "true" : "false",
        _ => AsJson(value),
    };

    private static string AsJson(AttributeValue value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            Write(json, value);
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
