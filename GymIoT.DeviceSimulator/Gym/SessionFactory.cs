using GymIoT.Core.Calories;
using GymIoT.Core.Coaching;
using GymIoT.Core.Hosting;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;

namespace GymIoT.DeviceSimulator.Gym;

/// <summary>
/// Makes the reading a sensor sends when a member finishes a session: kcal from MET × weight × time, with noise, and the
/// heart rate of each started minute from the member's age and resting pulse and the machine's effort.
/// </summary>
public static class SessionFactory
{
    /// <param name="minutes">How long the session lasts at least (a sensor counts the seconds past it too); any time from 10 to 60 minutes when null.</param>
    public static Reading Session(Member member, Device device, DateTimeOffset endedAt, Random random, int? minutes = null)
    {
        var seconds = minutes is { } planned ? 60 * planned + random.Next(30) : 60 * random.Next(10, 61) + random.Next(60);
        var met = device.Machine.MinMet + random.NextDouble() * (device.Machine.MaxMet - device.Machine.MinMet);
        var noise = 1 + (random.NextDouble() - 0.5) * 0.1;
        var kcal = Math.Round(CalorieMath.SessionKcal(met, member.WeightKg, seconds / 60.0) * noise, 2);
        var heartRate = HeartRatePerMinute(member, met, seconds, endedAt, random);
        return new Reading(
            Guid.NewGuid().ToString("N"),
            device.DeviceId,
            device.Machine.Name,
            member.MemberId,
            endedAt.AddSeconds(-seconds),
            endedAt,
            seconds,
            kcal,
            (int)Math.Round(heartRate.Average()),
            heartRate);
    }

    /// <summary>
    /// A pulse that warms up over the first minutes towards the effort's share of the heart-rate reserve (Karvonen), then
    /// drifts up slowly in a long session; the resting pulse is the member's own (55–78 bpm).
    /// </summary>
    private static int[] HeartRatePerMinute(Member member, double met, int seconds, DateTimeOffset endedAt, Random random)
    {
        var maximum = HeartRateZones.MaximumFor(member.AgeOn(DateOnly.FromDateTime(endedAt.UtcDateTime)));
        var resting = 55 + (int)((uint)StableHash.Of(member.MemberId) % 24);
        var effort = Math.Clamp(0.35 + (met - 3) * 0.05, 0.4, 0.85);
        var target = resting + effort * (maximum - resting);
        return [.. Enumerable.Range(0, (int)Math.Ceiling(seconds / 60.0)).Select(minute =>
        {
            var warmedUp = Math.Min(1, (minute + 1) / 4.0);
            var drift = Math.Max(0, minute - 10) * 0.25;
            var bpm = resting + 15 + (target - resting - 15) * warmedUp + drift + random.Next(-3, 4);
            return (int)Math.Clamp(Math.Round(bpm), ReadingLimits.MinHeartRatePerMinute, ReadingLimits.MaxHeartRatePerMinute);
        })];
    }
}
