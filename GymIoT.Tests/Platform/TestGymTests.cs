using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>The tests' gym is far from its midnight whatever the hour they run at (CI once ran just after midnight in Rome).</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class TestGymTests
{
    [Theory]
    [InlineData("2026-12-01T23:17:00Z")]
    [InlineData("2026-12-02T00:00:00Z")]
    [InlineData("2026-06-30T11:59:00Z")]
    [InlineData("2026-03-29T01:30:00Z")]
    public void The_test_gym_is_within_an_hour_of_noon_at_any_hour(string utc)
    {
        var now = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        var local = TimeZoneInfo.ConvertTime(now, TestGym.NearNoon(now)).TimeOfDay;

        Assert.InRange(local, TimeSpan.FromHours(11), TimeSpan.FromHours(13));
    }
}
