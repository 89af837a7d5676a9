using System.Globalization;
using System.Text;
using System.Text.Json;
using GymIoT.Core.Queues;

namespace GymIoT.Core.Readings;

/// <summary>
/// Checks a message from a machine queue and says precisely what is wrong with it, in GymIoT's format or the original sensors'.
/// Pure: whether the member exists is asked separately (<see cref="RejectUnknownMember"/>).
/// </summary>
public static partial class ReadingValidator
{
    private static readonly JsonDocumentOptions ParseOptions = new() { MaxDepth = ReadingLimits.MaxJsonDepth };

    /// <param name="body">The message body as received.</param>
    /// <param name="queue">The machine queue it came from.</param>
    /// <param name="messageId">The SQS message id: the reading id of an original-format reading.</param>
    /// <param name="sentAt">When SQS took the message: the end of an original-format session.</param>
    /// <param name="now">The time of the check.</param>
    public static ReadingCheck Validate(string body, string queue, string messageId, DateTimeOffset sentAt, DateTimeOffset now)
    {
        var raw = new RawValues(queue, queue, null, "", "");
        if (Encoding.UTF8.GetByteCount(body) > ReadingLimits.MaxBodyBytes)
        {
            return Reject(RejectionReason.OversizeBody, $"the body has {Encoding.UTF8.GetByteCount(body)} bytes, more than {ReadingLimits.MaxBodyBytes}", raw, messageId, now);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, ParseOptions);
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException)
        {
            return Reject(RejectionReason.UnparsableJson, $"the body is not JSON ({ex.Message})", raw with { ValueTimeSpent = Excerpt(body) }, messageId, now);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return Reject(RejectionReason.UnparsableJson, $"the body is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object", raw with { ValueTimeSpent = Excerpt(body) }, messageId, now);
            }
            try
            {
                return root.TryGetProperty("username", out _) || root.TryGetProperty("value_time_spent", out _)
                    ? ValidateOriginal(root, queue, messageId, sentAt, now)
                    : ValidateReading(root, queue, messageId, now);
            }
            catch (InvalidOperationException ex)
            {
                // Well-formed JSON whose strings are not text, e.g. an escaped lone surrogate ("\ud800").
                return Reject(RejectionReason.UnparsableJson, $"the body holds a string that is not valid Unicode ({ex.Message})", raw with { ValueTimeSpent = Excerpt(body) }, messageId, now);
            }
        }
    }

    /// <summary>The report for a well-formed reading whose member GymIoT does not know.</summary>
    public static RejectedReading RejectUnknownMember(Reading reading, string messageId, DateTimeOffset now) =>
        RejectChecked(reading, RejectionReason.UnknownMember, $"member '{reading.MemberId}' is not registered at this gym", messageId, now);

    /// <summary>The report for a well-formed reading refused by what it was checked against after parsing (members, item limits).</summary>
    public static RejectedReading RejectChecked(Reading reading, RejectionReason reason, string detail, string messageId, DateTimeOffset now) =>
        Reject(
            reason,
            detail,
            new RawValues(reading.DeviceId, reading.Machine, reading.MemberId, Format(reading.DurationSeconds), Format(reading.CaloriesKcal)),
            messageId,
            now);

    private static ReadingCheck ValidateReading(JsonElement root, string queue, string messageId, DateTimeOffset now)
    {
        var raw = new RawValues(
            DeviceOf(root, queue),
            RawText(root, "machine") ?? queue,
            RawText(root, "memberId"),
            RawText(root, "durationSeconds") ?? "",
            RawText(root, "caloriesKcal") ?? "");
        RejectedReading Fail(RejectionReason reason, string detail) => Reject(reason, detail, raw, messageId, now);

        string? readingId = null, deviceId = null, machine = null, memberId = null;
        foreach (var (field, isId, assign) in new (string, bool, Action<string>)[]
        {
            ("readingId", true, v => readingId = v), ("deviceId", true, v => deviceId = v), ("machine", false, v => machine = v), ("memberId", true, v => memberId = v),
        })
        {
            if ((isId ? RequiredId(root, field, out var value) : RequiredString(root, field, out value)) is { } problem)
            {
                return Fail(problem.Reason, problem.Detail);
            }
            assign(value);
        }

        if (RequiredTimestamp(root, "startedAt", out var startedAt) is { } startProblem)
        {
            return Fail(startProblem.Reason, startProblem.Detail);
        }
        if (RequiredTimestamp(root, "endedAt", out var endedAt) is { } endProblem)
        {
            return Fail(endProblem.Reason, endProblem.Detail);
        }
        if (RequiredNumber(root, "durationSeconds", out var seconds) is { } durationProblem)
        {
            return Fail(durationProblem.Reason, durationProblem.Detail);
        }
        if (RequiredNumber(root, "caloriesKcal", out var kcal) is { } caloriesProblem)
        {
            return Fail(caloriesProblem.Reason, caloriesProblem.Detail);
        }

        int? heartRate = null;
        if (root.TryGetProperty("avgHeartRate", out var heart) && heart.ValueKind != JsonValueKind.Null)
        {
            if (heart.ValueKind != JsonValueKind.Number || !heart.TryGetInt32(out var bpm))
            {
                return Fail(RejectionReason.WrongType, $"avgHeartRate must be a whole JSON number, not {Describe(heart)}");
            }
            if (bpm is < ReadingLimits.MinHeartRate or > ReadingLimits.MaxHeartRate)
            {
                return Fail(RejectionReason.AbsurdHeartRate, $"avgHeartRate {bpm} is outside {ReadingLimits.MinHeartRate}-{ReadingLimits.MaxHeartRate} bpm");
            }
            heartRate = bpm;
        }

        if (CheckAmounts(seconds, kcal) is { } amountProblem)
        {
            return Fail(amountProblem.Reason, amountProblem.Detail);
        }
        if (endedAt < startedAt)
        {
            return Fail(RejectionReason.EndBeforeStart, $"endedAt {endedAt:O} is before startedAt {startedAt:O}");
        }
        var elapsed = endedAt - startedAt;
        if ((elapsed - TimeSpan.FromSeconds(seconds)).Duration() > ReadingLimits.DurationTolerance)
        {
            return Fail(RejectionReason.DurationMismatch, $"durationSeconds {Format(seconds)} does not match endedAt - startedAt = {Format(elapsed.TotalSeconds)} s");
        }
        if (CheckTimes(startedAt, endedAt, now) is { } timeProblem)
        {
            return Fail(timeProblem.Reason, timeProblem.Detail);
        }
        if (CheckMachine(machine!, queue) is { } machineProblem)
        {
            return Fail(machineProblem.Reason, machineProblem.Detail);
        }

        var reading = new Reading(readingId!, deviceId!, machine!, memberId!, startedAt.ToUniversalTime(), endedAt.ToUniversalTime(), seconds, kcal, heartRate);
        return new AcceptedReading(reading, OriginalFormat: false);
    }

    private static ReadingCheck ValidateOriginal(JsonElement root, string queue, string messageId, DateTimeOffset sentAt, DateTimeOffset now)
    {
        var raw = new RawValues(queue, queue, RawText(root, "username"), RawText(root, "value_time_spent") ?? "", RawText(root, "value_calories_spent") ?? "");
        RejectedReading Fail(RejectionReason reason, string detail) => Reject(reason, detail, raw, messageId, now);

        if (RequiredId(root, "username", out var username) is { } userProblem)
        {
            return Fail(userProblem.Reason, userProblem.Detail);
        }
        if (NumberInString(root, "value_time_spent", out var minutes) is { } minutesProblem)
        {
            return Fail(minutesProblem.Reason, minutesProblem.Detail);
        }
        if (NumberInString(root, "value_calories_spent", out var kcal) is { } caloriesProblem)
        {
            return Fail(caloriesProblem.Reason, caloriesProblem.Detail);
        }
        var seconds = minutes * 60;
        if (CheckAmounts(seconds, kcal) is { } amountProblem)
        {
            return Fail(amountProblem.Reason, amountProblem.Detail);
        }
        var startedAt = sentAt - TimeSpan.FromSeconds(seconds);
        if (CheckTimes(startedAt, sentAt, now) is { } timeProblem)
        {
            return Fail(timeProblem.Reason, timeProblem.Detail);
        }
        if (CheckMachine(queue, queue) is { } machineProblem)
        {
            return Fail(machineProblem.Reason, machineProblem.Detail);
        }

        var reading = new Reading(messageId, queue, queue, username, startedAt.ToUniversalTime(), sentAt.ToUniversalTime(), seconds, kcal);
        return new AcceptedReading(reading, OriginalFormat: true);
    }

    private static Problem? CheckAmounts(double seconds, double kcal)
    {
        if (seconds < 0)
        {
            return new(RejectionReason.NegativeValue, $"the duration {Format(seconds)} s is negative");
        }
        if (seconds == 0)
        {
            return new(RejectionReason.ZeroValue, "the duration is zero");
        }
        if (seconds > ReadingLimits.MaxDuration.TotalSeconds)
        {
            return new(RejectionReason.AbsurdDuration, $"the duration {Format(seconds)} s is longer than {ReadingLimits.MaxDuration.TotalHours} hours");
        }
        if (kcal < 0)
        {
            return new(RejectionReason.NegativeValue, $"the calories {Format(kcal)} kcal are negative");
        }
        if (kcal == 0)
        {
            return new(RejectionReason.ZeroValue, "the calories are zero");
        }
        var perMinute = kcal / (seconds / 60);
        if (perMinute > ReadingLimits.MaxKcalPerMinute)
        {
            return new(RejectionReason.ImpossibleCalories, $"{Format(kcal)} kcal in {Format(seconds / 60)} min is {Format(perMinute)} kcal/min, more than {ReadingLimits.MaxKcalPerMinute}");
        }
        return null;
    }

    private static Problem? CheckTimes(DateTimeOffset startedAt, DateTimeOffset endedAt, DateTimeOffset now)
    {
        if (endedAt > now + ReadingLimits.ClockSkew)
        {
            return new(RejectionReason.FutureTimestamp, $"the session ends at {endedAt:O}, in the future");
        }
        if (startedAt < now - ReadingLimits.MaxAge)
        {
            return new(RejectionReason.TooOld, $"the session started at {startedAt:O}, more than {ReadingLimits.MaxAge.TotalDays:0} days ago");
        }
        return null;
    }

    private static Problem? CheckMachine(string machine, string queue)
    {
        if (!QueueNames.Machines.Contains(machine))
        {
            return new(RejectionReason.UnknownMachine, $"machine '{Excerpt(machine)}' is not one of {string.Join(", ", QueueNames.Machines)}");
        }
        if (machine != queue)
        {
            return new(RejectionReason.MachineMismatch, $"a {machine} reading arrived on the {queue} queue");
        }
        return null;
    }

    private static Problem? RequiredString(JsonElement root, string field, out string value)
    {
        if (RequiredText(root, field, out value) is { } problem)
        {
            return problem;
        }
        if (value.Length > 128 || value.Any(char.IsControl))
        {
            return new(RejectionReason.WrongType, $"{field} is not a value (too long or with control characters)");
        }
        return null;
    }

    private static Problem? RequiredText(JsonElement root, string field, out string value)
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

    /// <summary>A string that will key an item: see <see cref="Identifiers"/>.</summary>
    private static Problem? RequiredId(JsonElement root, string field, out string value)
    {
        if (RequiredText(root, field, out value) is { } problem)
        {
            return problem;
        }
        return Identifiers.Problem(value) is { } why ? new(RejectionReason.InvalidIdentifier, $"{field} {why}") : null;
    }

    private static Problem? RequiredNumber(JsonElement root, string field, out double value)
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

    private static Problem? NumberInString(JsonElement root, string field, out double value)
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

    private static Problem? RequiredTimestamp(JsonElement root, string field, out DateTimeOffset value)
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

    /// <summary>
    /// The device a report is about: the reading's <c>deviceId</c> if it is a string; none when it is anything else (the
    /// reason says what came, and the fault is counted as unidentified, not against a made-up device such as <c>42</c>);
    /// the queue's machine for a reading that names no device, as the original sensors' readings do.
    /// </summary>
    private static string DeviceOf(JsonElement root, string queue) =>
        !root.TryGetProperty("deviceId", out var device) ? queue
        : device.ValueKind == JsonValueKind.String ? Excerpt(device.GetString()!)
        : "";

    private static string? RawText(JsonElement root, string field) =>
        root.TryGetProperty(field, out var element)
            ? Excerpt(element.ValueKind == JsonValueKind.String ? element.GetString()! : element.GetRawText())
            : null;

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => $"the string '{Excerpt(element.GetString()!)}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => Excerpt(element.GetRawText()),
    };

    /// <summary>Raw values are kept for the report, but not without bound: an error report must stay a small message.</summary>
    private static string Excerpt(string text) => ReportText.Excerpt(text, 64);

    [System.Text.RegularExpressions.GeneratedRegex(@"(Z|[+-]\d\d:?\d\d)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex ZoneDesignator();

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static RejectedReading Reject(RejectionReason reason, string detail, RawValues raw, string messageId, DateTimeOffset now) =>
        new(reason, new ErrorReport(raw.DeviceId, raw.Machine, raw.MemberId, raw.ValueTimeSpent, raw.ValueCaloriesSpent, $"{reason}: {detail}", now, messageId));

    private sealed record Problem(RejectionReason Reason, string Detail);

    private sealed record RawValues(string DeviceId, string Machine, string? MemberId, string ValueTimeSpent, string ValueCaloriesSpent);
}
