using System.Net;

namespace GymIoT.Dashboard.Security;

/// <summary>
/// The one proxy hop whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> the dashboard believes (section
/// <c>Proxy</c>): the load balancer, by the networks it sends from (on AWS, the VPC's range). None by default: then the
/// client address is the connection's, whatever a request's headers say.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "Proxy";

    /// <summary>Networks in CIDR notation, e.g. <c>10.0.0.0/16</c>.</summary>
    public string[] TrustedNetworks { get; set; } = [];

    public IReadOnlyList<IPNetwork> Networks => [.. TrustedNetworks.Select(n => IPNetwork.Parse(n))];

    /// <returns>Null when every network is CIDR notation, else what is wrong.</returns>
    public string? Problem() =>
        TrustedNetworks.FirstOrDefault(n => !IPNetwork.TryParse(n, out _)) is { } bad
            ? $"{SectionName}:{nameof(TrustedNetworks)} holds '{bad}', which is not a network in CIDR notation (e.g. 10.0.0.0/16)."
            : null;
}
