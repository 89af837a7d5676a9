namespace GymIoT.Core.Time;

/// <summary>Settings of the gym itself (section <c>Gym</c>).</summary>
public sealed class GymOptions
{
    public const string SectionName = "Gym";

    /// <summary>IANA time zone in which days and hours are counted.</summary>
    public string TimeZone { get; set; } = "Europe/Rome";
}
