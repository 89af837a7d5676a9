namespace GymIoT.Dashboard.Home;

/// <summary>One chart: its kind (<c>bar</c>, <c>line</c>, <c>area</c>), the categories on its x axis and its series.</summary>
public sealed record ChartSpec(string Title, string Kind, IReadOnlyList<string> Categories, IReadOnlyList<ChartSeries> Series);

public sealed record ChartSeries(string Name, IReadOnlyList<decimal> Data);
