using GymIoT.Core.Calories;
using GymIoT.Core.Members;
using GymIoT.Core.Readings;

namespace GymIoT.DeviceSimulator.Gym;

/// <summary>Makes the reading a sensor sends when a member finishes a session: kcal from MET × weight × time, with noise.</summary>
public static class SessionFactory
{
    /// <param name="minutes">How long the session lasts (about: a sensor counts seconds); any time from 10 to 60 minutes when null.</param>
    public static Reading Session(Member member, Device device, DateTimeOffset endedAt, Random random, int? minutes = null)
    {
        var seconds = minutes is { } planned ? 60 * planned - random.Next(30) : 60 * random.Next(10, 61) + random.Next(60);
        var met = device.Profile.MinMet + random.NextDouble() * (device.Profile.MaxMet - device.Profile.MinMet);
        var noise = 1 + (random.NextDouble() - 0.5) * 0.1;
        var kcal = Math.Round(CalorieMath.SessionKcal(met, member.WeightKg, seconds / 60.0) * noise, 2);
        var heartRate = (int)Math.Round(95 + met * 8 + random.Next(-8, 9));
        return new Reading(
            Guid.NewGuid().ToString("N"),
            device.DeviceId,
            device.Profile.Machine,
            member.MemberId,
            endedAt.AddSeconds(-seconds),
            endedAt,
            seconds,
            kcal,
            heartRate);
    }
}
