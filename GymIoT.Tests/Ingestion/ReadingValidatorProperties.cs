using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using GymIoT.Aggregator.Readings;
using GymIoT.Core.Readings;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

/// <summary>Properties of the validator that must hold for every input, checked on thousands of generated ones.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class ReadingValidatorProperties
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static ReadingCheck Check(string body) => ReadingValidator.Validate(body, "Cyclette", "message-1", Now, Now);

    /// <summary>Any text at all: the validator answers, never throws, and a refusal says its reason first.</summary>
    [Property(MaxTest = 3000)]
    public bool Any_text_gets_an_answer_and_a_refusal_names_its_reason(NonNull<string> body) =>
        Check(body.Get) switch
        {
            AcceptedReading => true,
            RejectedReading rejected => rejected.Report.Reason.StartsWith(rejected.Reason + ": ", StringComparison.Ordinal),
            _ => false,
        };

    /// <summary>Any plausible session (1 minute to just under 4 hours, up to 24 kcal a minute, in the past three years) is accepted unchanged.</summary>
    [Property(MaxTest = 1000)]
    public Property A_plausible_reading_is_accepted_as_sent() =>
        Prop.ForAll(Plausible().ToArbitrary(), reading =>
            Check(JsonSerializer.Serialize(reading, MessageJson.Default.Reading)) is AcceptedReading accepted && accepted.Reading == reading);

    /// <summary>Spoiling any one number of a plausible reading (zero, negative, not finite, a string) always gets it refused.</summary>
    [Property(MaxTest = 1000)]
    public Property A_plausible_reading_with_one_spoiled_number_is_refused() =>
        Prop.ForAll(Plausible().ToArbitrary(), Gen.Elements("durationSeconds", "caloriesKcal").ToArbitrary(), Gen.Elements("0", "-1", "-0.5", "1e400", "\"NaN\"", "\"Infinity\"", "\"12\"", "null", "[]").ToArbitrary(),
            (reading, field, spoiled) =>
            {
                var node = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(reading, MessageJson.Default.Reading))!.AsObject();
                var body = node.ToJsonString().Replace($"\"{field}\":{node[field]!.ToJsonString()}", $"\"{field}\":{spoiled}");
                return Check(body) is RejectedReading;
            });

    private static Gen<Reading> Plausible() =>
        from minutes in Gen.Choose(1, 239)
        from extraSeconds in Gen.Choose(0, 59)
        from kcalPerMinuteTenths in Gen.Choose(1, 240)
        from endedMinutesAgo in Gen.Choose(0, 3 * 365 * 24 * 60 - 300)
        from heart in Gen.Choose(25, 250)
        from withHeart in Gen.Elements(true, false)
        from machine in Gen.Elements("Cyclette")
        let seconds = minutes * 60 + extraSeconds
        let ended = Now.AddMinutes(-endedMinutesAgo)
        select new Reading(
            Guid.NewGuid().ToString(), "device-01", machine, "member-01", ended.AddSeconds(-seconds), ended,
            seconds, Math.Round(seconds / 60.0 * kcalPerMinuteTenths / 10.0, 1), withHeart ? heart : null);
}
