namespace GymIoT.Core.Coaching;

/// <summary>How a member's month on their card ended.</summary>
public enum MonthVerdict
{
    /// <summary>The bar reached 100 %.</summary>
    Reached,

    /// <summary>Below 100 %, but still moving: the card stays.</summary>
    OnTrack,

    /// <summary>The bar gained too little over the month's last days, or the month had no workout: one level down.</summary>
    Stalled,

    /// <summary>The month's kcal fell well below the previous month's: one level down.</summary>
    Dipped,
}

/// <summary>The month-end rule: which months move a member one level down.</summary>
public static class MonthEndRule
{
    /// <summary>A bar that gained fewer points than this over the month's last <see cref="StallDays"/> days stalled.</summary>
    public const double StallPoints = 10;

    public const int StallDays = 14;

    /// <summary>A month whose kcal are below this share of the previous month's dipped.</summary>
    public const double DipShare = 0.8;

    /// <param name="thresholdKcal">The month's threshold on the card the member ended the month on.</param>
    /// <param name="lastDaysKcal">The kcal of the month's last <see cref="StallDays"/> days.</param>
    public static MonthVerdict Judge(double thresholdKcal, decimal monthKcal, int monthSessions, decimal lastDaysKcal, decimal previousMonthKcal)
    {
        if (thresholdKcal > 0 && (double)monthKcal >= thresholdKcal)
        {
            return MonthVerdict.Reached;
        }
        if (monthSessions == 0 || thresholdKcal <= 0 || (double)lastDaysKcal / thresholdKcal * 100 < StallPoints)
        {
            return MonthVerdict.Stalled;
        }
        return (double)monthKcal < (double)previousMonthKcal * DipShare ? MonthVerdict.Dipped : MonthVerdict.OnTrack;
    }

    /// <summary>Whether the verdict moves the member one level down.</summary>
    public static bool MovesDown(MonthVerdict verdict) => verdict is MonthVerdict.Stalled or MonthVerdict.Dipped;
}
