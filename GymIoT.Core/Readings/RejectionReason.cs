namespace GymIoT.Core.Readings;

/// <summary>Why a reading was refused; the name starts the <see cref="ErrorReport.Reason"/> text and tags the rejection metric.</summary>
public enum RejectionReason
{
    OversizeBody,
    UnparsableJson,
    MissingField,
    EmptyField,
    WrongType,
    InvalidIdentifier,
    NotANumber,
    NegativeValue,
    ZeroValue,
    AbsurdDuration,
    ImpossibleCalories,
    AbsurdHeartRate,
    InvalidTimestamp,
    EndBeforeStart,
    DurationMismatch,
    FutureTimestamp,
    TooOld,
    UnknownMachine,
    MachineMismatch,
    UnknownMember,
    OverDailyLimit,
}
