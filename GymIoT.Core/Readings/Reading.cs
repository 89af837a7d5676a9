namespace GymIoT.Core.Readings;

/// <summary>One completed use of a machine by a member, as a sensor reports it to the machine's queue.</summary>
/// <param name="ReadingId">Unique per reading: the idempotency key.</param>
/// <param name="HeartRatePerMinute">The heart rate in each started minute of the session, in order, when the sensor measures it.</param>
public sealed record Reading(
    string ReadingId,
    string DeviceId,
    string Machine,
    string MemberId,
    DateTimeOffset StartedAt,
    DateTimeOffset EndedAt,
    double DurationSeconds,
    double CaloriesKcal,
    int? AvgHeartRate = null,
    IReadOnlyList<int>? HeartRatePerMinute = null);
