namespace GymIoT.Core.Storage;

/// <summary>What storing a reading did to the aggregates.</summary>
public enum StoreOutcome
{
    /// <summary>Folded into every item it belongs to (some may have had it already: a half-applied reading completed).</summary>
    Applied,

    /// <summary>Every item had it already: a redelivery.</summary>
    Duplicate,

    /// <summary>An item holds as many contributions as it may (<see cref="ItemCap"/>): it was not folded in there.</summary>
    OverCap,

    /// <summary>At least one item could not be written for now: the reading must be delivered again.</summary>
    Failed,

    /// <summary>DynamoDB refused the write as invalid (<c>ValidationException</c>): trying again cannot help.</summary>
    Invalid,
}
