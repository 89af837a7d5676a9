namespace GymIoT.Dashboard.Components.Charts;

public partial class ApexChart
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "The browser could not draw the chart {Title}; the page goes on without it")]
    private static partial void LogNotDrawn(ILogger logger, Exception exception, string title);
}
