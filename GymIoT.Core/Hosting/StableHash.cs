namespace GymIoT.Core.Hosting;

/// <summary>A hash of a text that is the same in every process and run (<see cref="string.GetHashCode()"/> and <see cref="HashCode"/> are not).</summary>
public static class StableHash
{
    public static int Of(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));
}
