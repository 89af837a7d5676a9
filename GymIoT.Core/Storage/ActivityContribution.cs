namespace GymIoT.Core.Storage;

/// <summary>What one reading (or fault report) adds to one aggregate item; its id is the idempotency key.</summary>
/// <param name="Additions">Numbers to add, by attribute.</param>
/// <param name="Latest">Values to set when this reading is the latest one of the item (ISO-8601 times sort as text).</param>
public sealed record ActivityContribution(
    ItemKey Key,
    string SourceId,
    IReadOnlyDictionary<string, decimal> Additions,
    IReadOnlyDictionary<string, string> Latest);
