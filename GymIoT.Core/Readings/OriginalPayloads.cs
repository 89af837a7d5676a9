using System.Text.Json.Serialization;

namespace GymIoT.Core.Readings;

/// <summary>The reading of the original sensors: minutes and calories as strings; the machine is the queue it came from.</summary>
public sealed record OriginalReading(
    [property: JsonPropertyName("username")] string Username,
    [property: JsonPropertyName("value_time_spent")] string ValueTimeSpent,
    [property: JsonPropertyName("value_calories_spent")] string ValueCaloriesSpent);
