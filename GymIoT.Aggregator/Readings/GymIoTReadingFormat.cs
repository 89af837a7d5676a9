using System.Text.Json;
using GymIoT.Core.Readings;

namespace GymIoT.Aggregator.Readings;

/// <summary>
/// GymIoT's own reading: <c>{"readingId", "deviceId", "machine", "memberId", "startedAt", "endedAt", "durationSeconds",
/// "caloriesKcal", "avgHeartRate"?, "heartRatePerMinute"?}</c>.
/// </summary>
internal static class GymIoTReadingFormat
{
    public static ReadingCheck Read(JsonElement root, string queue, string messageId, DateTimeOffset now)
    {
        var fields = new FieldReader(root);
        var readingId = fields.Id("readingId");
        var deviceId = fields.Id("deviceId");
        var machine = fields.String("machine");
        var memberId = fields.Id("memberId");
        var startedAt = fields.Timestamp("startedAt");
        var endedAt = fields.Timestamp("endedAt");
        var seconds = fields.Number("durationSeconds");
        var kcal = fields.Number("caloriesKcal");
        var heartRate = fields.OptionalWholeNumber("avgHeartRate");
        var heartRatePerMinute = fields.OptionalWholeNumbers("heartRatePerMinute", ReadingLimits.MaxHeartRateSamples);

        var problem = fields.Problem
            ?? ReadingRules.HeartRate(heartRate)
            ?? ReadingRules.Amounts(seconds, kcal)
            ?? ReadingRules.HeartRatePerMinute(heartRatePerMinute, seconds)
            ?? ReadingRules.Span(startedAt, endedAt, seconds)
            ?? ReadingRules.Times(startedAt, endedAt, now)
            ?? ReadingRules.Machine(machine, queue);
        if (problem is not null)
        {
            var reported = new ReportedValues(
                // A reading that names no device is reported against its queue's machine, as the original sensors' readings are.
                JsonFields.StringOnly(root, "deviceId", absent: queue),
                JsonFields.Raw(root, "machine") ?? queue,
                JsonFields.Raw(root, "memberId"),
                JsonFields.Raw(root, "durationSeconds") ?? "",
                JsonFields.Raw(root, "caloriesKcal") ?? "");
            return ReadingValidator.Reject(problem, reported, messageId, now);
        }
        var reading = new Reading(readingId, deviceId, machine, memberId, startedAt.ToUniversalTime(), endedAt.ToUniversalTime(), seconds, kcal, heartRate, heartRatePerMinute);
        return new AcceptedReading(reading, OriginalFormat: false);
    }
}
