using System.Globalization;

namespace GymIoT.Core.Storage;

/// <summary>Attribute names of the aggregate items, flat so each can be added to atomically.</summary>
public static class ActivityAttributes
{
    public const string Kcal = "Kcal";
    public const string Seconds = "Seconds";
    public const string Sessions = "Sessions";

    /// <summary>The ids of the readings (and fault reports) folded into this item: the guard against counting one twice.</summary>
    public const string AppliedIds = "AppliedIds";

    public const string Machine = "Machine";
    public const string LastReadingAt = "LastReadingAt";

    /// <summary>A device's faults reported in the period, and the last one as <c>time|reason</c> (so the latest one wins).</summary>
    public const string Faults = "Faults";
    public const string LastFault = "LastFault";

    public static string KcalOn(string machine) => $"Kcal_{machine}";

    public static string SecondsOn(string machine) => $"Seconds_{machine}";

    public static string SessionsOn(string machine) => $"Sessions_{machine}";

    /// <summary>Kcal burned in local hour 0–23 of a day: <c>KcalH07</c>.</summary>
    public static string KcalInHour(int hour) => "KcalH" + hour.ToString("00", CultureInfo.InvariantCulture);
}
