namespace GymIoT.Aggregator;

/// <summary>What became of one batch of messages.</summary>
public sealed record BatchResult(int Stored, int Duplicates, int Rejected, int Failed)
{
    public int Deleted => Stored + Duplicates + Rejected;
}
