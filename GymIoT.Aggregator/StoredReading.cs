using GymIoT.Core.Storage;

namespace GymIoT.Aggregator;

/// <summary>What became of one reading in the aggregates; when a day had no room for it, which day and why (<see cref="OverLimit"/>).</summary>
public sealed record StoredReading(StoreOutcome Outcome, string? OverLimit = null);
