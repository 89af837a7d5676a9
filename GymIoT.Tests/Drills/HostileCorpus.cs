using System.Globalization;
using System.Text.Json.Nodes;

namespace GymIoT.Tests.Drills;

/// <summary>One hostile message: what it tries, the machine queue it goes to, and its body.</summary>
public sealed record HostileMessage(string Name, string Queue, string Body);

/// <summary>
/// Malformed and hostile messages a machine queue may receive, every one of which GymIoT must refuse with a reason:
/// broken JSON, wrong types, huge numbers, NaN and Infinity as strings, negative and zero values, 256 KB bodies, deep
/// nesting, control characters and broken Unicode, injection strings, unknown members and machines, timestamps far in
/// the past and future, and the original sensors' format with bad values. Readings name <see cref="Member"/>, a member
/// who exists, wherever the point is another field, so only the fault can refuse them.
/// </summary>
public sealed class HostileCorpus(string member, DateTimeOffset now)
{
    public const string Queue = "Cyclette";

    public string Member { get; } = member;

    private JsonObject Good() => new()
    {
        ["readingId"] = Guid.NewGuid().ToString(),
        ["deviceId"] = "hostile-device",
        ["machine"] = Queue,
        ["memberId"] = Member,
        ["startedAt"] = now.AddMinutes(-40).ToString("O", CultureInfo.InvariantCulture),
        ["endedAt"] = now.AddMinutes(-10).ToString("O", CultureInfo.InvariantCulture),
        ["durationSeconds"] = 1800,
        ["caloriesKcal"] = 300.5,
        ["avgHeartRate"] = 130,
    };

    private HostileMessage With(string name, string field, JsonNode? value)
    {
        var body = Good();
        body[field] = value;
        return new HostileMessage(name, Queue, body.ToJsonString());
    }

    private HostileMessage Without(string field)
    {
        var body = Good();
        body.Remove(field);
        return new HostileMessage($"missing {field}", Queue, body.ToJsonString());
    }

    private static HostileMessage Original(string name, string? user, string? minutes, string? kcal)
    {
        var body = new JsonObject();
        if (user is not null)
        {
            body["username"] = user;
        }
        if (minutes is not null)
        {
            body["value_time_spent"] = minutes;
        }
        if (kcal is not null)
        {
            body["value_calories_spent"] = kcal;
        }
        return new HostileMessage(name, Queue, body.ToJsonString());
    }

    public IReadOnlyList<HostileMessage> All() => [.. BrokenJson(), .. WrongTypes(), .. HugeNumbers(), .. NotANumberStrings(), .. NegativeAndZero(),
        .. Oversized(), .. DeepNesting(), .. ControlCharactersAndBrokenUnicode(), .. Injections(), .. UnknownMembersAndMachines(), .. Timestamps(),
        .. OriginalFormatWithBadValues(), .. MissingFields()];

    /// <summary>
    /// Whether SQS lets the body in, by the same rules <see cref="GymIoT.Core.Aws.AwsLimitGuard"/> holds every client to:
    /// not empty, within SQS's message size, and only characters SQS takes. A body they refuse never enters GymIoT: the
    /// sender gets the error.
    /// </summary>
    public static bool SqsAccepts(string body) =>
        GymIoT.Core.Aws.AwsLimitGuard.Violation(new Amazon.SQS.Model.SendMessageRequest(Queue, body)) is null;

    private IEnumerable<HostileMessage> BrokenJson()
    {
        var good = Good().ToJsonString();
        foreach (var cut in Enumerable.Range(1, 20).Select(i => good.Length * i / 21))
        {
            yield return new($"truncated at {cut}", Queue, good[..cut]);
        }
        foreach (var text in new[] { "", " ", "null", "true", "42", "\"a string\"", "[]", "[1,2,3]", "{", "}", "{{}}", "{\"readingId\":}", "{'readingId':'single quotes'}",
            "{\"a\":1,}", "{\"a\":1 \"b\":2}", "<xml/>", "readingId=1&memberId=2", "\uFEFF{}", "{\"a\":01}", "{\"a\":.5}", "{\"a\":1e}", "{\"a\":+1}" })
        {
            yield return new($"not a JSON reading: {text}", Queue, text);
        }
    }

    private IEnumerable<HostileMessage> WrongTypes()
    {
        JsonNode?[] wrong = [JsonValue.Create(12345), JsonValue.Create(true), new JsonArray(1, 2), new JsonObject { ["x"] = 1 }, null, JsonValue.Create("")];
        foreach (var field in new[] { "readingId", "deviceId", "machine", "memberId", "startedAt", "endedAt" })
        {
            foreach (var value in wrong)
            {
                yield return With($"{field} = {value?.ToJsonString() ?? "null"}", field, value?.DeepClone());
            }
        }
        JsonNode?[] wrongNumbers = [JsonValue.Create("1800"), JsonValue.Create(true), new JsonArray(1800), new JsonObject { ["v"] = 1800 }, null, JsonValue.Create("")];
        foreach (var field in new[] { "durationSeconds", "caloriesKcal" })
        {
            foreach (var value in wrongNumbers)
            {
                yield return With($"{field} = {value?.ToJsonString() ?? "null"}", field, value?.DeepClone());
            }
        }
        yield return With("avgHeartRate = \"130\"", "avgHeartRate", "130");
        yield return With("avgHeartRate = 130.5", "avgHeartRate", 130.5);
        yield return With("heartRatePerMinute = \"130\"", "heartRatePerMinute", "130");
        yield return With("heartRatePerMinute = {}", "heartRatePerMinute", new JsonObject());
        yield return With("heartRatePerMinute = [[130]]", "heartRatePerMinute", new JsonArray(new JsonArray(130)));
        yield return With("heartRatePerMinute = [130, null]", "heartRatePerMinute", new JsonArray(130, null));
        yield return With("heartRatePerMinute = 241 values", "heartRatePerMinute", new JsonArray([.. Enumerable.Range(0, 241).Select(_ => (JsonNode?)130)]));
        yield return With("heartRatePerMinute = 31 values in 30 minutes", "heartRatePerMinute", new JsonArray([.. Enumerable.Range(0, 31).Select(_ => (JsonNode?)130)]));
        yield return With("heartRatePerMinute = [0]", "heartRatePerMinute", new JsonArray(0));
        yield return With("heartRatePerMinute = [1e10]", "heartRatePerMinute", new JsonArray(1e10));
    }

    private IEnumerable<HostileMessage> HugeNumbers()
    {
        foreach (var field in new[] { "durationSeconds", "caloriesKcal", "avgHeartRate" })
        {
            foreach (var literal in new[] { "1e308", "1e400", "-1e400", "99999999999999999999999999999", "1.7976931348623157e309", "123456789012" })
            {
                var body = Good().ToJsonString().Replace($"\"{field}\":{Good()[field]!.ToJsonString()}", $"\"{field}\":{literal}");
                yield return new($"{field} = {literal}", Queue, body);
            }
        }
    }

    private IEnumerable<HostileMessage> NotANumberStrings()
    {
        foreach (var field in new[] { "durationSeconds", "caloriesKcal" })
        {
            foreach (var text in new[] { "NaN", "Infinity", "-Infinity", "nan", "inf" })
            {
                yield return With($"{field} = \"{text}\"", field, text);
            }
        }
        foreach (var text in new[] { "NaN", "Infinity", "-Infinity", "1e999", "Infinity minutes" })
        {
            yield return Original($"original minutes \"{text}\"", Member, text, "250");
            yield return Original($"original kcal \"{text}\"", Member, "30", text);
        }
    }

    private IEnumerable<HostileMessage> NegativeAndZero()
    {
        foreach (var (field, values) in new (string, double[])[] { ("durationSeconds", [0, -1, -0.001, -1e10]), ("caloriesKcal", [0, -1, -0.5, -1e10]), ("avgHeartRate", [0, -5, 10, 300, 100000]) })
        {
            foreach (var value in values)
            {
                yield return With($"{field} = {value}", field, field == "avgHeartRate" ? JsonValue.Create((int)value) : JsonValue.Create(value));
            }
        }
        yield return With("9000 kcal in 30 minutes", "caloriesKcal", 9000);
        yield return With("a 10-hour session", "durationSeconds", 36000);
    }

    private IEnumerable<HostileMessage> Oversized()
    {
        const int limit = 256 * 1024;
        var padded = Good();
        padded["padding"] = new string('x', limit - padded.ToJsonString().Length - 20);
        yield return new("a good reading padded to 256 KB", Queue, padded.ToJsonString());
        yield return new("256 KB of the letter A", Queue, new string('A', limit - 16));
        yield return With("a 200 KB member id", "memberId", new string('m', 200 * 1024));
        yield return With("a 100 KB device id", "deviceId", new string('d', 100 * 1024));
        yield return new("256 KB of spaces around an object", Queue, new string(' ', limit / 2) + "{}" + new string(' ', limit / 2 - 16));
        yield return With("17 KB reading id, just over the limit", "readingId", new string('r', 17 * 1024));
    }

    private IEnumerable<HostileMessage> DeepNesting()
    {
        foreach (var depth in new[] { 9, 64, 1000, 10_000 })
        {
            yield return new($"arrays nested {depth} deep", Queue, new string('[', depth) + new string(']', depth));
        }
        foreach (var depth in new[] { 9, 200 })
        {
            var nested = string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
            yield return new($"objects nested {depth} deep", Queue, nested);
        }
        var deepField = Good().ToJsonString().Replace("\"hostile-device\"", string.Concat(Enumerable.Repeat("{\"d\":", 20)) + "1" + new string('}', 20));
        yield return new("a device id nested 20 deep", Queue, deepField);
    }

    private IEnumerable<HostileMessage> ControlCharactersAndBrokenUnicode()
    {
        var good = Good().ToJsonString();
        yield return new("raw control characters in a string", Queue, good.Replace("hostile-device", "hostile\u0001\u0002\u0007device"));
        yield return new("a raw tab and newline inside a string", Queue, good.Replace("hostile-device", "hostile\t\ndevice"));
        yield return new("an escaped NUL in the member id", Queue, good.Replace($"\"{Member}\"", $"\"{Member}\\u0000\""));
        yield return new("a lone high surrogate escaped in the member id", Queue, good.Replace($"\"{Member}\"", "\"\\ud800\""));
        yield return new("a lone low surrogate escaped in the machine", Queue, good.Replace("\"machine\":\"Cyclette\"", "\"machine\":\"Cyclette\\udc00\""));
        yield return new("an invalid escape", Queue, good.Replace("hostile-device", "hostile\\xdevice"));
        yield return new("Latin-1 bytes read as text", Queue, "\u00ff\u00fe\u00fd{\"readingId\":\"\u00e9\"}");
        yield return new("mojibake member", Queue, good.Replace($"\"{Member}\"", "\"xzan8189\u00c3\u00a9\u00e2\u20ac\u2122\""));
        yield return new("zero-width characters in the machine", Queue, good.Replace("\"machine\":\"Cyclette\"", "\"machine\":\"Cyc\u200blette\""));
        yield return new("right-to-left override in the machine", Queue, good.Replace("\"machine\":\"Cyclette\"", "\"machine\":\"\u202eettelcyC\""));
        yield return new("a byte-order mark before a reading with a bad value", Queue, "\uFEFF" + good.Replace("\"caloriesKcal\":300.5", "\"caloriesKcal\":-3"));
        yield return new("a DEL and escape characters", Queue, good.Replace("hostile-device", "hostile\u007f\u001bdevice"));
    }

    private IEnumerable<HostileMessage> Injections()
    {
        foreach (var text in new[] { "' OR '1'='1", "\"; DROP TABLE Members; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "../../../../etc/passwd",
            "{{7*7}}", "#id", ":id", "M#2026-11", "D#2026-11-28", "xzan8189\",\"memberId\":\"dakooo", "$(rm -rf /)", "%00", "\\u0000", "__proto__", "constructor" })
        {
            yield return With($"member id {text}", "memberId", text);
        }
        foreach (var text in new[] { "Cyclette' OR 1=1", "<img src=x onerror=alert(1)>", "Errors", "Cyclette-dlq", "../Spin_bike" })
        {
            yield return With($"machine {text}", "machine", text);
        }
        yield return new("a duplicate memberId key", Queue, Good().ToJsonString().Replace($"\"memberId\":\"{Member}\"", $"\"memberId\":\"{Member}\",\"memberId\":\"unknown-{Guid.NewGuid():N}\""));
        yield return Original("original username as injection", "' OR 1=1 --", "30", "250");
    }

    private IEnumerable<HostileMessage> UnknownMembersAndMachines()
    {
        for (var i = 0; i < 5; i++)
        {
            yield return With($"unknown member {i}", "memberId", $"nobody-{Guid.NewGuid():N}");
        }
        yield return With("member id differing in case", "memberId", Member.ToUpperInvariant());
        yield return With("member id with a trailing space", "memberId", Member + " ");
        foreach (var machine in new[] { "Rowing_machine", "cyclette", "CYCLETTE", "Cyclette ", "Tapis roulant", "Spin_bike", "Treadmill" })
        {
            yield return With($"machine {machine}", "machine", machine);
        }
        yield return Original("original format, unknown member", $"nobody-{Guid.NewGuid():N}", "30", "250");
    }

    private IEnumerable<HostileMessage> Timestamps()
    {
        foreach (var (name, started, ended) in new (string, string, string)[]
        {
            ("year 1", "0001-01-01T00:00:00Z", "0001-01-01T00:30:00Z"),
            ("the Unix epoch", "1970-01-01T00:00:00Z", "1970-01-01T00:30:00Z"),
            ("2019", "2019-06-01T10:00:00Z", "2019-06-01T10:30:00Z"),
            ("year 9999", "9999-12-31T23:00:00Z", "9999-12-31T23:30:00Z"),
            ("tomorrow", Iso(now.AddDays(1)), Iso(now.AddDays(1).AddMinutes(30))),
            ("an hour ahead", Iso(now.AddMinutes(60)), Iso(now.AddMinutes(90))),
            ("month 13", "2026-13-01T10:00:00Z", "2026-13-01T10:30:00Z"),
            ("hour 25", "2026-11-28T25:00:00Z", "2026-11-28T25:30:00Z"),
            ("words", "yesterday", "today"),
            ("no time zone", now.AddMinutes(-40).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture), now.AddMinutes(-10).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture)),
            ("end before start", Iso(now.AddMinutes(-10)), Iso(now.AddMinutes(-40))),
            ("duration not matching the times", Iso(now.AddMinutes(-100)), Iso(now.AddMinutes(-10))),
        })
        {
            var body = Good();
            body["startedAt"] = started;
            body["endedAt"] = ended;
            yield return new HostileMessage($"timestamps: {name}", Queue, body.ToJsonString());
        }
        yield return With("startedAt as Unix seconds", "startedAt", now.AddMinutes(-40).ToUnixTimeSeconds());
    }

    private IEnumerable<HostileMessage> OriginalFormatWithBadValues()
    {
        yield return Original("the original sensor's ERROR values", Member, "ERROR", "ERROR");
        foreach (var minutes in new[] { "-5", "0", "abc", "", " ", "0x1F", "1,5", "9999", "30 minutes" })
        {
            yield return Original($"original minutes \"{minutes}\"", Member, minutes, "250");
        }
        foreach (var kcal in new[] { "-250", "0", "lots", "", "250kcal", "99999" })
        {
            yield return Original($"original kcal \"{kcal}\"", Member, "30", kcal);
        }
        yield return Original("original without username", null, "30", "250");
        yield return Original("original with an empty username", "", "30", "250");
        yield return Original("original without minutes", Member, null, "250");
        yield return Original("original without kcal", Member, "30", null);
        yield return new("original with numbers where strings were sent", Queue, $"{{\"username\":\"{Member}\",\"value_time_spent\":[30],\"value_calories_spent\":{{\"v\":250}}}}");
        yield return new("original with a number as username", Queue, "{\"username\":8189,\"value_time_spent\":\"30\",\"value_calories_spent\":\"250\"}");
    }

    private IEnumerable<HostileMessage> MissingFields() =>
        new[] { "readingId", "deviceId", "machine", "memberId", "startedAt", "endedAt", "durationSeconds", "caloriesKcal" }.Select(Without);

    private static string Iso(DateTimeOffset time) => time.ToString("O", CultureInfo.InvariantCulture);
}
