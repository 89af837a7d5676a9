using System.Text.Json;
using GymIoT.Core.Readings;

namespace GymIoT.Aggregator.Readings;

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
        var fields = new FieldReader(root);
        var username = fields.Id("username");
        var seconds = fields.NumberInString("value_time_spent") * 60;
        var kcal = fields.NumberInString("value_calories_spent");
        var startedAt = sentAt - TimeSpan.FromSeconds(Math.Clamp(seconds, 0, ReadingLimits.MaxDuration.TotalSeconds));

        var problem = fields.Problem
            ?? ReadingRules.Amounts(seconds, kcal)
            ?? ReadingRules.Times(startedAt, sentAt, now)
            ?? ReadingRules.Machine(queue, queue);
        if (problem is not null)
        {
            var reported = new ReportedValues(queue, queue, JsonFields.Raw(root, "username"), JsonFields.Raw(root, "value_time_spent") ?? "", JsonFields.Raw(root, "value_calories_spent") ?? "");
            return ReadingValidator.Reject(problem, reported, messageId, now);
        }
        var reading = new Reading(messageId, queue, queue, username, startedAt.ToUniversalTime(), sentAt.ToUniversalTime(), seconds, kcal);
        return new AcceptedReading(reading, OriginalFormat: true);
    }
}
