using GymIoT.Core.Readings;

namespace GymIoT.Aggregator.Readings;

/// <summary>The outcome of checking one message from a machine queue.</summary>
public abstract record ReadingCheck;

/// <param name="OriginalFormat">True when it came in the original sensors' format.</param>
public sealed record AcceptedReading(Reading Reading, bool OriginalFormat) : ReadingCheck;

public sealed record RejectedReading(RejectionReason Reason, ErrorReport Report) : ReadingCheck;
