namespace GymIoT.Dashboard.Home;

/// <summary>
/// One chart: its kind (<c>bar</c>, <c>line</c>, <c>area</c>, or <c>radialBar</c> for a gauge), the categories on its x axis
/// (a gauge's labels), its series (a gauge has one, of percentages), and any bands of the y axis to shade (zones).
/// </summary>
public sealed record ChartSpec(string Title, string Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series, IReadOnlyList<ChartBand>? Bands = null)
{
    public const string RadialKind = "radialBar";
}

public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Data);

/// <summary>A shaded band of the y axis from <paramref name="From"/> to <paramref name="To"/>.</summary>
public sealed record ChartBand(string Label, decimal From, decimal To);
