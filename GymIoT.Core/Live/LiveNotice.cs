namespace GymIoT.Core.Live;

/// <summary>What changed for the members named in a <see cref="LiveNotice"/>.</summary>
public enum LiveChangeKind
{
    /// <summary>The aggregator stored readings: their day and month figures changed.</summary>
    Activity,

    /// <summary>The coach recorded sessions of today or raised alerts.</summary>
    Coaching,
}

/// <summary>
/// Tells the dashboards whose members changed, so each open page reads again only when its member changed: the message
/// every live page's updates come through.
/// </summary>
public sealed record LiveNotice(LiveChangeKind Kind, IReadOnlyList<string> MemberIds);
