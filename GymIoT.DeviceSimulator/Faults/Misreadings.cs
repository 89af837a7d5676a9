using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using GymIoT.Core.Queues;
using GymIoT.Core.Readings;

namespace GymIoT.DeviceSimulator.Faults;

/// <summary>Turns a good reading into each kind of bad one a misbehaving sensor (or something worse) may send.</summary>
public static class Misreadings
{
    /// <summary>
    /// Every reason a reading can be refused for that one message can cause (unknown members come from the gym's records;
    /// a day over its limit takes many readings, not one bad one).
    /// </summary>
    public static IReadOnlyList<RejectionReason> Kinds { get; } = [.. Enum.GetValues<RejectionReason>().Where(r => r != RejectionReason.OverDailyLimit)];

    public static string GoodBody(Reading reading) => JsonSerializer.Serialize(reading, MessageJson.Default.Reading);

    /// <summary>
    /// The reading in the original sensors' format: minutes and kcal as strings with two decimals. The reading it carries
    /// has the values as the aggregator will read them back (its id becomes the SQS message id).
    /// </summary>
    public static SimulatedMessage Original(Reading reading)
    {
        var minutes = (reading.DurationSeconds / 60).ToString("0.##", CultureInfo.InvariantCulture);
        var kcal = reading.CaloriesKcal.ToString("0.##", CultureInfo.InvariantCulture);
        var body = JsonSerializer.Serialize(new OriginalReading(reading.MemberId, minutes, kcal), MessageJson.Default.OriginalReading);
        var asRead = reading with
        {
            DeviceId = reading.Machine,
            DurationSeconds = double.Parse(minutes, CultureInfo.InvariantCulture) * 60,
            CaloriesKcal = double.Parse(kcal, CultureInfo.InvariantCulture),
        };
        return new SimulatedMessage(reading.Machine, body, asRead, null, OriginalFormat: true);
    }

    public static SimulatedMessage Make(RejectionReason kind, Reading good, Random random)
    {
        var queue = good.Machine;
        var json = JsonNode.Parse(GoodBody(good))!.AsObject();
        string Body() => json.ToJsonString();
        SimulatedMessage Bad(string body, string? onQueue = null) => new(onQueue ?? queue, body, good, kind, OriginalFormat: false);

        switch (kind)
        {
            case RejectionReason.OversizeBody:
                json["padding"] = new string('x', ReadingLimits.MaxBodyBytes);
                return Bad(Body());
            case RejectionReason.UnparsableJson:
                return Bad(Body()[..^7]);
            case RejectionReason.MissingField:
                json.Remove("caloriesKcal");
                return Bad(Body());
            case RejectionReason.EmptyField:
                json["memberId"] = "";
                return Bad(Body());
            case RejectionReason.WrongType:
                json["deviceId"] = 42;
                return Bad(Body());
            case RejectionReason.NotANumber:
                // The original sensors' way of failing.
                return new(queue, """{"username":"REPLACE","value_time_spent":"ERROR","value_calories_spent":"ERROR"}""".Replace("REPLACE", good.MemberId), good, kind, OriginalFormat: true);
            case RejectionReason.NegativeValue:
                json["caloriesKcal"] = -good.CaloriesKcal;
                return Bad(Body());
            case RejectionReason.ZeroValue:
                json["caloriesKcal"] = 0;
                return Bad(Body());
            case RejectionReason.AbsurdDuration:
                json["durationSeconds"] = 6 * 3600;
                json["startedAt"] = good.EndedAt.AddHours(-6);
                return Bad(Body());
            case RejectionReason.ImpossibleCalories:
                json["caloriesKcal"] = Math.Round(good.DurationSeconds / 60 * (ReadingLimits.MaxKcalPerMinute + 10 + random.Next(50)), 2);
                return Bad(Body());
            case RejectionReason.AbsurdHeartRate:
                json["avgHeartRate"] = 400 + random.Next(100);
                return Bad(Body());
            case RejectionReason.InvalidTimestamp:
                json["endedAt"] = "yesterday at noon";
                return Bad(Body());
            case RejectionReason.EndBeforeStart:
                json["startedAt"] = good.EndedAt;
                json["endedAt"] = good.StartedAt;
                return Bad(Body());
            case RejectionReason.DurationMismatch:
                json["durationSeconds"] = good.DurationSeconds + 900;
                return Bad(Body());
            case RejectionReason.FutureTimestamp:
                json["startedAt"] = good.StartedAt.AddDays(2);
                json["endedAt"] = good.EndedAt.AddDays(2);
                return Bad(Body());
            case RejectionReason.TooOld:
                json["startedAt"] = good.StartedAt.AddYears(-5);
                json["endedAt"] = good.EndedAt.AddYears(-5);
                return Bad(Body());
            case RejectionReason.UnknownMachine:
                json["machine"] = "Rowing_machine";
                return Bad(Body());
            case RejectionReason.MachineMismatch:
                return Bad(Body(), QueueNames.Machines.First(m => m != queue));
            case RejectionReason.InvalidIdentifier:
                json["deviceId"] = good.DeviceId + "\u200b"; // a zero-width space from a garbled firmware string
                return Bad(Body());
            case RejectionReason.UnknownMember:
                json["memberId"] = $"ghost-{random.Next(1000):000}";
                return Bad(Body());
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "No sensor fault makes this reason.");
        }
    }
}
