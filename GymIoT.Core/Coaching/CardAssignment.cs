namespace GymIoT.Core.Coaching;

/// <summary>Why a member is on a card.</summary>
public enum AssignmentCause
{
    /// <summary>The starter card of a member nobody has assigned one to.</summary>
    Default,
    Staff,
    AcceptedOffer,
    LevelDown,
}

/// <summary>A member is on <paramref name="CardId"/> from the local day <paramref name="From"/>, until a later assignment.</summary>
public sealed record CardAssignment(string MemberId, DateOnly From, string CardId, AssignmentCause Cause, DateTimeOffset AssignedAt, string? By);
