using GymIoT.Core.Aws;

namespace GymIoT.Deploy;

/// <summary>The services the stack runs, by the names they have in the AppHost and in telemetry.</summary>
public static class ServiceNames
{
    public static string Aggregator => ServiceAccess.Aggregator.Resource;

    public static string ErrorNotifier => ServiceAccess.ErrorNotifier.Resource;

    public static string Coach => ServiceAccess.Coach.Resource;

    public static string Dashboard => ServiceAccess.Dashboard.Resource;
}
