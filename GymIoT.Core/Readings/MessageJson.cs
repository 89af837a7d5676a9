using System.Text.Json.Serialization;

namespace GymIoT.Core.Readings;

/// <summary>Source-generated JSON for every message GymIoT sends: camelCase, ISO-8601 times, no nulls.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Reading))]
[JsonSerializable(typeof(ErrorReport))]
[JsonSerializable(typeof(OriginalReading))]
[JsonSerializable(typeof(Live.LiveNotice))]
public sealed partial class MessageJson : JsonSerializerContext;
