using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace GymIoT.Dashboard.Security;

/// <summary>
/// One forwarded-headers pass that trusts exactly the load balancer, one hop deep: behind it,
/// <c>X-Forwarded-For: 6.6.6.6, 198.51.100.7</c> makes the client <c>198.51.100.7</c> (the address the load balancer
/// appended), never the first entry a client wrote. Every per-address limit depends on it.
/// </summary>
public static class TrustedProxy
{
    /// <summary>ASP.NET's own switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>): a second pass that trusts every proxy.</summary>
    public const string TrustEveryProxySetting = "FORWARDEDHEADERS_ENABLED";

    public static void AddTrustedProxy(this IHostApplicationBuilder builder)
    {
        EnsureNoPassTrustsEveryProxy(builder.Configuration);
        builder.Services.AddOptions<TrustedProxyOptions>()
            .BindConfiguration(TrustedProxyOptions.SectionName)
            .Validate(options => options.Problem() is null, "Proxy:TrustedNetworks must list networks in CIDR notation (e.g. 10.0.0.0/16).")
            .ValidateOnStart();
        builder.Services.AddOptions<ForwardedHeadersOptions>()
            .Configure<IOptions<TrustedProxyOptions>>((options, proxy) =>
            {
                options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                options.ForwardLimit = 1;
                // ASP.NET trusts loopback by default: only the configured networks are trusted.
                options.KnownProxies.Clear();
                options.KnownIPNetworks.Clear();
                foreach (var network in proxy.Value.Networks)
                {
                    options.KnownIPNetworks.Add(network);
                }
            });
    }

    /// <summary>Refuses to start with ASP.NET's switch on: its pass trusts any sender, and would run before this one.</summary>
    public static void EnsureNoPassTrustsEveryProxy(IConfiguration configuration)
    {
        if (bool.TryParse(configuration[TrustEveryProxySetting], out var on) && on)
        {
            throw new InvalidOperationException(
                $"ASPNETCORE_{TrustEveryProxySetting} is set: it trusts X-Forwarded-For from any sender, so anyone could choose their own " +
                $"client address. Remove it and list the load balancer's networks in {TrustedProxyOptions.SectionName}:{nameof(TrustedProxyOptions.TrustedNetworks)}.");
        }
    }
}
