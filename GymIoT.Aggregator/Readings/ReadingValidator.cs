using System.Text;
using GymIoT.Core.Readings;

namespace GymIoT.Aggregator.Readings;

/// <summary>
/// Checks a message from a machine queue and says precisely what is wrong with it, in GymIoT's format
/// (<see cref="GymIoTReadingFormat"/>) or the original sensors' (<see cref="OriginalReadingFormat"/>). Pure: whether the
/// member exists is asked separately (<see cref="RejectUnknownMember"/>).
/// </summary>
public static class ReadingValidator
{
    /// <param name="body">The message body as received.</param>
    /// <param name="queue">The machine queue it came from.</param>
    /// <param name="messageId">The SQS message id: the reading id of an original-format reading.</param>
    /// <param name="sentAt">When SQS took the message: the end of an original-format session.</param>
    /// <param name="now">The time of the check.</param>
    public static ReadingCheck Validate(string body, string queue, string messageId, DateTimeOffset sentAt, DateTimeOffset now)
    {
        var whole = new ReportedValues(queue, queue, null, "", "");
        var bytes = Encoding.UTF8.GetByteCount(body);
        if (bytes > ReadingLimits.MaxBodyBytes)
        {
            return Reject(new(RejectionReason.OversizeBody, $"the body has {bytes} bytes, more than {ReadingLimits.MaxBodyBytes}"), whole, messageId, now);
        }
        using var document = JsonFields.ParseObject(body, out var notAnObject);
        if (document is null)
        {
            return Reject(new(RejectionReason.UnparsableJson, notAnObject), whole with { ValueTimeSpent = JsonFields.Excerpt(body) }, messageId, now);
        }
        try
        {
            var root = document.RootElement;
            return OriginalReadingFormat.Holds(root)
                ? OriginalReadingFormat.Read(root, queue, messageId, sentAt, now)
                : GymIoTReadingFormat.Read(root, queue, messageId, now);
        }
        catch (InvalidOperationException ex)
        {
            // Well-formed JSON whose strings are not text, e.g. an escaped lone surrogate ("\ud800").
            return Reject(new(RejectionReason.UnparsableJson, $"the body holds a string that is not valid Unicode ({ex.Message})"),
                whole with { ValueTimeSpent = JsonFields.Excerpt(body) }, messageId, now);
        }
    }

    /// <summary>The report for a well-formed reading whose member GymIoT does not know.</summary>
    public static RejectedReading RejectUnknownMember(Reading reading, string messageId, DateTimeOffset now) =>
        RejectChecked(reading, RejectionReason.UnknownMember, $"member '{reading.MemberId}' is not registered at this gym", messageId, now);

    /// <summary>The report for a well-formed reading refused by what it was checked against after parsing (members, item limits).</summary>
    public static RejectedReading RejectChecked(Reading reading, RejectionReason reason, string detail, string messageId, DateTimeOffset now) =>
        Reject(
            new(reason, detail),
            new ReportedValues(reading.DeviceId, reading.Machine, reading.MemberId, ReportText.Number(reading.DurationSeconds), ReportText.Number(reading.CaloriesKcal)),
            messageId,
            now);

    internal static RejectedReading Reject(FieldProblem problem, ReportedValues reported, string messageId, DateTimeOffset now) =>
        new(problem.Reason, new ErrorReport(
            reported.DeviceId, reported.Machine, reported.MemberId, reported.ValueTimeSpent, reported.ValueCaloriesSpent,
            $"{problem.Reason}: {problem.Detail}", now, messageId));
}

/// <summary>The values of a refused reading its error report names, as they came (bounded).</summary>
internal sealed record ReportedValues(string DeviceId, string Machine, string? MemberId, string ValueTimeSpent, string ValueCaloriesSpent);
