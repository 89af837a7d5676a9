namespace GymIoT.Deploy.Services;

/// <summary>
/// What the dashboard is told about the load balancer in front of it: the one proxy hop whose forwarded client address it
/// believes, by the network the load balancer sends from. The Production tests start the dashboard with the same settings.
/// </summary>
public static class LoadBalancerProxy
{
    public static IReadOnlyDictionary<string, string> EnvironmentFor(string network) =>
        new Dictionary<string, string> { ["Proxy__TrustedNetworks__0"] = network };
}
