using System.Globalization;

namespace GymIoT.Core.Time;

/// <summary>
/// Puts instants into the gym's local days, months and hours, the periods members' history is kept by.
/// Period keys sort as text: <c>D#2026-11-28</c>, <c>M#2026-11</c>.
/// </summary>
public sealed class GymCalendar(TimeZoneInfo timeZone)
{
    public const string DayPrefix = "D#";
    public const string MonthPrefix = "M#";

    public GymCalendar(GymOptions options) : this(TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone))
    {
    }

    public TimeZoneInfo TimeZone { get; } = timeZone;

    public DateTime LocalTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, TimeZone).DateTime;

    public DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(LocalTime(instant));

    /// <summary>The local hour 0–23 (during the autumn DST change, 02:xx happens twice and counts twice in hour 2).</summary>
    public int LocalHour(DateTimeOffset instant) => LocalTime(instant).Hour;

    /// <summary>The instant a local day begins (the first valid local time, should midnight be skipped by a DST change).</summary>
    public DateTimeOffset StartOfDay(DateOnly day)
    {
        var midnight = day.ToDateTime(TimeOnly.MinValue);
        while (TimeZone.IsInvalidTime(midnight))
        {
            midnight = midnight.AddMinutes(30);
        }
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(midnight, TimeZone), TimeSpan.Zero);
    }

    public string DayKey(DateTimeOffset instant) => DayKey(LocalDate(instant));

    public string MonthKey(DateTimeOffset instant) => MonthKey(LocalDate(instant));

    public static string DayKey(DateOnly date) => DayPrefix + Storage.StoredDate.Of(date);

    public static string MonthKey(DateOnly date) => MonthPrefix + date.ToString("yyyy-MM", CultureInfo.InvariantCulture);

}
