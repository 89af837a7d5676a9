using System.Text.Json;
using GymIoT.Aggregator.Readings;
using GymIoT.Core.Readings;
using GymIoT.DeviceSimulator.Faults;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Ingestion;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class ReadingValidatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private static readonly Reading Good = new(
        "r-1", "cyclette-01", "Cyclette", "xzan8189",
        Now.AddMinutes(-40), Now.AddMinutes(-10), 1800, 300.5, 132);

    private static ReadingCheck Check(string body, string queue = "Cyclette") =>
        ReadingValidator.Validate(body, queue, "message-1", Now.AddSeconds(-1), Now);

    private static string Body(Reading reading) => JsonSerializer.Serialize(reading, MessageJson.Default.Reading);

    private static RejectedReading Rejected(string body, string queue = "Cyclette") => Assert.IsType<RejectedReading>(Check(body, queue));

    [Fact]
    public void A_good_reading_is_accepted_as_sent()
    {
        var accepted = Assert.IsType<AcceptedReading>(Check(Body(Good)));

        Assert.Equal(Good, accepted.Reading);
        Assert.False(accepted.OriginalFormat);
    }

    [Fact]
    public void A_heart_rate_per_minute_of_30_to_230_bpm_one_per_started_minute_is_accepted_and_anything_else_refused_with_its_reason()
    {
        // 1,800 s are 30 started minutes; 1,801 s would be 31.
        var edges = Enumerable.Repeat(120, 28).Append(30).Append(230).ToArray();
        var accepted = Assert.IsType<AcceptedReading>(Check(Body(Good with { HeartRatePerMinute = edges })));
        Assert.Equal(edges, accepted.Reading.HeartRatePerMinute);
        Assert.IsType<AcceptedReading>(Check(Body(Good with { HeartRatePerMinute = [] })));

        var refused = new (Reading Reading, RejectionReason Reason, string Says)[]
        {
            (Good with { HeartRatePerMinute = Enumerable.Repeat(120, 31).ToArray() }, RejectionReason.AbsurdHeartRate, "heartRatePerMinute has 31 values for a session of 30 started minutes"),
            (Good with { HeartRatePerMinute = [120, 29] }, RejectionReason.AbsurdHeartRate, "heartRatePerMinute[1] 29 is outside 30-230 bpm"),
            (Good with { HeartRatePerMinute = [231] }, RejectionReason.AbsurdHeartRate, "heartRatePerMinute[0] 231 is outside 30-230 bpm"),
            (Good with { HeartRatePerMinute = Enumerable.Repeat(120, 241).ToArray() }, RejectionReason.WrongType, "heartRatePerMinute has 241 values, more than 240"),
        };
        foreach (var (reading, reason, says) in refused)
        {
            var rejected = Rejected(Body(reading));
            Assert.Equal(reason, rejected.Reason);
            Assert.Contains(says, rejected.Report.Reason);
        }
        Assert.Contains("heartRatePerMinute must be a JSON array of whole numbers, not the string '120'",
            Rejected(Body(Good).Replace("}", ",\"heartRatePerMinute\":\"120\"}")).Report.Reason);
        Assert.Contains("heartRatePerMinute[1] must be a whole JSON number, not 120.5",
            Rejected(Body(Good).Replace("}", ",\"heartRatePerMinute\":[120,120.5]}")).Report.Reason);
    }

    [Fact]
    public void The_original_sensors_payload_is_accepted_with_the_queue_as_machine_and_the_message_id_as_reading_id()
    {
        var accepted = Assert.IsType<AcceptedReading>(Check("""{"username":"dakooo","value_time_spent":"30.5","value_calories_spent":"250"}""", "Spin_bike"));

        Assert.True(accepted.OriginalFormat);
        Assert.Equal("message-1", accepted.Reading.ReadingId);
        Assert.Equal("Spin_bike", accepted.Reading.Machine);
        Assert.Equal("Spin_bike", accepted.Reading.DeviceId);
        Assert.Equal("dakooo", accepted.Reading.MemberId);
        Assert.Equal(1830, accepted.Reading.DurationSeconds);
        Assert.Equal(250, accepted.Reading.CaloriesKcal);
        Assert.Equal(Now.AddSeconds(-1), accepted.Reading.EndedAt);
        Assert.Equal(Now.AddSeconds(-1831), accepted.Reading.StartedAt);
    }

    [Fact]
    public void The_original_error_message_is_refused_as_not_a_number_with_its_raw_values()
    {
        var rejected = Rejected("""{"username":"dakooo","value_time_spent":"ERROR","value_calories_spent":"ERROR"}""");

        Assert.Equal(RejectionReason.NotANumber, rejected.Reason);
        Assert.Equal("ERROR", rejected.Report.ValueTimeSpent);
        Assert.Equal("ERROR", rejected.Report.ValueCaloriesSpent);
        Assert.Equal("Cyclette", rejected.Report.DeviceId);
        Assert.Equal("dakooo", rejected.Report.MemberId);
        Assert.Equal("message-1", rejected.Report.SourceMessageId);
        Assert.StartsWith("NotANumber: value_time_spent", rejected.Report.Reason);
    }

    [Theory]
    [InlineData("not json at all", RejectionReason.UnparsableJson)]
    [InlineData("[1,2,3]", RejectionReason.UnparsableJson)]
    [InlineData("""{"readingId":"r","deviceId":"d","machine":"Cyclette"}""", RejectionReason.MissingField)]
    [InlineData("""{"username":"","value_time_spent":"10","value_calories_spent":"100"}""", RejectionReason.EmptyField)]
    [InlineData("""{"username":"a","value_time_spent":"NaN","value_calories_spent":"100"}""", RejectionReason.NotANumber)]
    [InlineData("""{"username":"a","value_time_spent":"Infinity","value_calories_spent":"100"}""", RejectionReason.NotANumber)]
    [InlineData("""{"username":"a","value_time_spent":"-10","value_calories_spent":"100"}""", RejectionReason.NegativeValue)]
    [InlineData("""{"username":"a","value_time_spent":"0","value_calories_spent":"100"}""", RejectionReason.ZeroValue)]
    [InlineData("""{"username":"a","value_time_spent":"10","value_calories_spent":"0"}""", RejectionReason.ZeroValue)]
    [InlineData("""{"username":"a","value_time_spent":"600","value_calories_spent":"100"}""", RejectionReason.AbsurdDuration)]
    [InlineData("""{"username":"a","value_time_spent":"10","value_calories_spent":"900"}""", RejectionReason.ImpossibleCalories)]
    [InlineData("""{"username":"a","value_time_spent":{"minutes":10},"value_calories_spent":"100"}""", RejectionReason.NotANumber)]
    public void Each_way_a_message_can_be_wrong_has_its_reason(string body, RejectionReason expected)
    {
        Assert.Equal(expected, Rejected(body).Reason);
    }

    [Theory]
    [InlineData("deviceId", "", RejectionReason.EmptyField, "deviceId is empty")]
    [InlineData("deviceId", "   ", RejectionReason.EmptyField, "deviceId is empty")]
    [InlineData("memberId", "xzan8189\\t", RejectionReason.InvalidIdentifier, "memberId holds the control character U+0009")]
    [InlineData("readingId", "r\\u0007", RejectionReason.InvalidIdentifier, "readingId holds the control character U+0007")]
    [InlineData("deviceId", "cyclette\u202E10", RejectionReason.InvalidIdentifier, "deviceId holds the invisible or direction-changing character U+202E")]
    [InlineData("deviceId", "cyc\u200Blette-01", RejectionReason.InvalidIdentifier, "deviceId holds the invisible or direction-changing character U+200B")]
    [InlineData("memberId", "caf\\u00E9", RejectionReason.InvalidIdentifier, "memberId holds U+00E9: ids are printable ASCII characters")]
    public void Ids_that_cannot_be_keys_are_refused_with_what_is_wrong(string field, string escapedValue, RejectionReason expected, string detail)
    {
        var body = Body(Good).Replace($"\"{field}\":\"{FieldOf(Good, field)}\"", $"\"{field}\":\"{escapedValue}\"");

        var rejected = Rejected(body);

        Assert.Equal(expected, rejected.Reason);
        Assert.Equal($"{expected}: {detail}", rejected.Report.Reason);
    }

    [Theory]
    [InlineData("42")]
    [InlineData("{\"id\":\"cyclette-01\"}")]
    [InlineData("null")]
    public void A_device_id_that_is_not_a_string_names_no_device_in_the_report(string value)
    {
        var body = Body(Good).Replace($"\"deviceId\":\"{Good.DeviceId}\"", $"\"deviceId\":{value}");

        var rejected = Rejected(body);

        Assert.Equal("", rejected.Report.DeviceId);
        Assert.Contains("deviceId", rejected.Report.Reason);
    }

    [Fact]
    public void An_id_of_64_characters_is_taken_and_one_of_65_is_refused()
    {
        Assert.IsType<AcceptedReading>(Check(Body(Good with { ReadingId = new string('r', Identifiers.MaxLength) })));

        var rejected = Rejected(Body(Good with { ReadingId = new string('r', Identifiers.MaxLength + 1) }));

        Assert.Equal("InvalidIdentifier: readingId has 65 characters, more than 64", rejected.Report.Reason);
    }

    private static string FieldOf(Reading reading, string field) => field switch
    {
        "deviceId" => reading.DeviceId,
        "memberId" => reading.MemberId,
        _ => reading.ReadingId,
    };

    [Fact]
    public void Deep_nesting_is_refused_as_unparsable()
    {
        var body = """{"username":""" + new string('[', 64) + new string(']', 64) + "}";

        Assert.Equal(RejectionReason.UnparsableJson, Rejected(body).Reason);
    }

    [Fact]
    public void A_huge_number_is_not_a_number()
    {
        var body = Body(Good).Replace("\"caloriesKcal\":300.5", "\"caloriesKcal\":1e400");

        Assert.Equal(RejectionReason.NotANumber, Rejected(body).Reason);
    }

    [Fact]
    public void A_number_sent_as_a_string_in_the_new_format_is_refused()
    {
        var body = Body(Good).Replace("\"durationSeconds\":1800", "\"durationSeconds\":\"1800\"");

        var rejected = Rejected(body);

        Assert.Equal(RejectionReason.NotANumber, rejected.Reason);
        Assert.Equal("1800", rejected.Report.ValueTimeSpent);
    }

    [Fact]
    public void Every_fault_the_simulator_makes_is_refused_for_the_reason_it_was_made_for()
    {
        var random = new Random(3);
        foreach (var kind in Misreadings.Kinds.Where(k => k != RejectionReason.UnknownMember))
        {
            var bad = Misreadings.Make(kind, Good, random);

            var rejected = Assert.IsType<RejectedReading>(ReadingValidator.Validate(bad.Body, bad.Queue, "m", Now, Now));

            Assert.True(kind == rejected.Reason, $"{kind} was refused as {rejected.Report.Reason}");
            Assert.StartsWith(kind + ": ", rejected.Report.Reason);
        }
    }

    [Fact]
    public void A_reading_from_an_unknown_member_is_reported_with_its_values()
    {
        var rejected = ReadingValidator.RejectUnknownMember(Good with { MemberId = "ghost" }, "m-9", Now);

        Assert.Equal(RejectionReason.UnknownMember, rejected.Reason);
        Assert.Equal("ghost", rejected.Report.MemberId);
        Assert.Equal("1800", rejected.Report.ValueTimeSpent);
        Assert.Equal("300.5", rejected.Report.ValueCaloriesSpent);
        Assert.Equal("m-9", rejected.Report.SourceMessageId);
    }

    [Fact]
    public void Raw_values_in_a_report_are_cut_short()
    {
        var body = Body(Good).Replace("\"machine\":\"Cyclette\"", $"\"machine\":\"{new string('M', 100)}\"");

        var rejected = Rejected(body);

        Assert.Equal(RejectionReason.UnknownMachine, rejected.Reason);
        Assert.True(rejected.Report.Machine.Length <= 65);
        Assert.True(rejected.Report.Reason.Length < 400);
    }

    [Fact]
    public void A_few_minutes_of_sensor_clock_skew_is_tolerated()
    {
        var ahead = Good with { StartedAt = Good.StartedAt.AddMinutes(13), EndedAt = Now.AddMinutes(3) };

        Assert.IsType<AcceptedReading>(Check(Body(ahead)));
    }
}
