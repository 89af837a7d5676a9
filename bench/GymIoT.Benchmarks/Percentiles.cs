namespace GymIoT.Benchmarks;

/// <summary>Nearest-rank percentiles of measured values.</summary>
public static class Percentiles
{
    /// <param name="sorted">The values in ascending order.</param>
    /// <param name="p">Between 0 and 1.</param>
    public static double Of(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[(int)Math.Clamp(Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
