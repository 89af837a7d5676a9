namespace GymIoT.Core.Members;

/// <summary>
/// A member's email address and what GymIoT may send to it. An address is confirmed by a link sent to it; alerts go out
/// only to a confirmed address whose owner switched them on.
/// </summary>
public sealed record MemberEmail(string? Address, bool Confirmed, bool AlertsOn, DateTimeOffset? LinkSentAt)
{
    public static readonly MemberEmail None = new(null, false, false, null);

    public bool SendsAlerts => Address is not null && Confirmed && AlertsOn;
}
