using System.Text.Json;

namespace GymIoT.Core.Readings;

/// <summary>
/// GymIoT's own reading: <c>{"readingId", "deviceId", "machine", "memberId", "startedAt", "endedAt", "durationSeconds",
/// "caloriesKcal", "avgHeartRate"?}</c>, as design.md defines it.
/// </summary>
internal static class GymIoTReadingFormat
{
    public static ReadingCheck Read(JsonElement root, string queue, string messageId, DateTimeOffset now)
    {
        var reported = new ReportedValues(
            // A reading that names no device is reported against its queue's machine, as the original sensors' readings are.
            JsonFields.StringOnly(root, "deviceId", absent: queue),
            JsonFields.Raw(root, "machine") ?? queue,
            JsonFields.Raw(root, "memberId"),
            JsonFields.Raw(root, "durationSeconds") ?? "",
            JsonFields.Raw(root, "caloriesKcal") ?? "");
        RejectedReading Fail(FieldProblem problem) => ReadingValidator.Reject(problem, reported, messageId, now);

        if (JsonFields.RequiredId(root, "readingId", out var readingId) is { } readingIdProblem)
        {
            return Fail(readingIdProblem);
        }
        if (JsonFields.RequiredId(root, "deviceId", out var deviceId) is { } deviceProblem)
        {
            return Fail(deviceProblem);
        }
        if (JsonFields.RequiredString(root, "machine", out var machine) is { } machineFieldProblem)
        {
            return Fail(machineFieldProblem);
        }
        if (JsonFields.RequiredId(root, "memberId", out var memberId) is { } memberProblem)
        {
            return Fail(memberProblem);
        }
        if (JsonFields.RequiredTimestamp(root, "startedAt", out var startedAt) is { } startProblem)
        {
            return Fail(startProblem);
        }
        if (JsonFields.RequiredTimestamp(root, "endedAt", out var endedAt) is { } endProblem)
        {
            return Fail(endProblem);
        }
        if (JsonFields.RequiredNumber(root, "durationSeconds", out var seconds) is { } durationProblem)
        {
            return Fail(durationProblem);
        }
        if (JsonFields.RequiredNumber(root, "caloriesKcal", out var kcal) is { } caloriesProblem)
        {
            return Fail(caloriesProblem);
        }
        if ((JsonFields.OptionalWholeNumber(root, "avgHeartRate", out var heartRate) ?? ReadingRules.HeartRate(heartRate)) is { } heartProblem)
        {
            return Fail(heartProblem);
        }
        if ((ReadingRules.Amounts(seconds, kcal) ?? ReadingRules.Span(startedAt, endedAt, seconds) ?? ReadingRules.Times(startedAt, endedAt, now)
            ?? ReadingRules.Machine(machine, queue)) is { } ruleProblem)
        {
            return Fail(ruleProblem);
        }

        var reading = new Reading(readingId, deviceId, machine, memberId, startedAt.ToUniversalTime(), endedAt.ToUniversalTime(), seconds, kcal, heartRate);
        return new AcceptedReading(reading, OriginalFormat: false);
    }
}
