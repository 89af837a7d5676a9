namespace GymIoT.Dashboard.Home;

/// <summary>
/// One chart: its kind (<c>bar</c>, <c>line</c>, <c>area</c>, or <c>radialBar</c> for a gauge), the categories on its x axis
/// (a gauge's labels) and its series (a gauge has one, of percentages).
/// </summary>
public sealed record ChartSpec(string Title, string Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series)
{
    public const string RadialKind = "radialBar";
}

public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Data);
