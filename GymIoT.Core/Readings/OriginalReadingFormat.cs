using System.Text.Json;

namespace GymIoT.Core.Readings;

/// <summary>
/// The original sensors' reading: <c>{"username", "value_time_spent" (minutes), "value_calories_spent"}</c>, numbers often
/// written as strings. It names neither device nor time: the queue is the device and its machine, the message id the
/// reading id, and the session ended when SQS took the message.
/// </summary>
internal static class OriginalReadingFormat
{
    /// <summary>Whether the body is in this format rather than GymIoT's.</summary>
    public static bool Holds(JsonElement root) => root.TryGetProperty("username", out _) || root.TryGetProperty("value_time_spent", out _);

    public static ReadingCheck Read(JsonElement root, string queue, string messageId, DateTimeOffset sentAt, DateTimeOffset now)
    {
        var reported = new ReportedValues(queue, queue, JsonFields.Raw(root, "username"), JsonFields.Raw(root, "value_time_spent") ?? "", JsonFields.Raw(root, "value_calories_spent") ?? "");
        RejectedReading Fail(FieldProblem problem) => ReadingValidator.Reject(problem, reported, messageId, now);

        if (JsonFields.RequiredId(root, "username", out var username) is { } userProblem)
        {
            return Fail(userProblem);
        }
        if (JsonFields.NumberInString(root, "value_time_spent", out var minutes) is { } minutesProblem)
        {
            return Fail(minutesProblem);
        }
        if (JsonFields.NumberInString(root, "value_calories_spent", out var kcal) is { } caloriesProblem)
        {
            return Fail(caloriesProblem);
        }
        var seconds = minutes * 60;
        var startedAt = sentAt - TimeSpan.FromSeconds(Math.Clamp(seconds, 0, ReadingLimits.MaxDuration.TotalSeconds));
        if ((ReadingRules.Amounts(seconds, kcal) ?? ReadingRules.Times(startedAt, sentAt, now) ?? ReadingRules.Machine(queue, queue)) is { } ruleProblem)
        {
            return Fail(ruleProblem);
        }

        var reading = new Reading(messageId, queue, queue, username, startedAt.ToUniversalTime(), sentAt.ToUniversalTime(), seconds, kcal);
        return new AcceptedReading(reading, OriginalFormat: true);
    }
}
