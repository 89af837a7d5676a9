using System.Diagnostics;

namespace GymIoT.Core.Storage;

/// <summary>What one reading (or fault report) adds to one aggregate item; its id is the idempotency key.</summary>
/// <param name="Additions">Numbers to add, by attribute.</param>
/// <param name="Latest">Values to set when this reading is the latest one of the item (ISO-8601 times sort as text).</param>
/// <param name="Cap">How many contributions the item takes at most, counted by one of the additions (see <see cref="ItemLimits"/>).</param>
/// <param name="Labels">Values every contribution states alike and sets, such as a device's machine.</param>
/// <param name="Trace">The span of the reading's (or report's) handling: the write that applies it is traced in it.</param>
public sealed record ActivityContribution(
    ItemKey Key,
    string SourceId,
    IReadOnlyDictionary<string, decimal> Additions,
    IReadOnlyDictionary<string, string> Latest,
    ItemCap? Cap = null,
    IReadOnlyDictionary<string, string>? Labels = null,
    ActivityContext Trace = default);

/// <summary>An item takes at most <paramref name="Max"/> contributions, counted by the attribute <paramref name="Counter"/>, which each adds 1 to.</summary>
public sealed record ItemCap(string Counter, int Max);
