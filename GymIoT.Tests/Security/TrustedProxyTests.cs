using System.Net;
using GymIoT.Dashboard.Accounts;
using GymIoT.Dashboard.Security;
using GymIoT.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace GymIoT.Tests.Security;

/// <summary>
/// The client address behind the load balancer. With ASP.NET's own switch on as well, two passes ran, and the second
/// trusted anyone: <c>X-Forwarded-For: 6.6.6.6, real</c> made the client 6.6.6.6, a new address for every request.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class TrustedProxyTests
{
    private const string LoadBalancer = "10.0.1.17";

    [Fact]
    public async Task Behind_the_load_balancer_the_client_is_the_address_it_appended_whatever_the_client_wrote_before_it()
    {
        var client = await ClientAddressAsync(from: LoadBalancer, forwardedFor: "6.6.6.6, 7.7.7.7, 198.51.100.7");

        Assert.Equal(IPAddress.Parse("198.51.100.7"), client);
    }

    [Fact]
    public async Task A_sender_outside_the_trusted_network_is_its_own_address_whatever_it_forwards()
    {
        Assert.Equal(IPAddress.Parse("203.0.113.9"), await ClientAddressAsync(from: "203.0.113.9", forwardedFor: "198.51.100.7"));
        Assert.Equal(IPAddress.Loopback, await ClientAddressAsync(from: "127.0.0.1", forwardedFor: "198.51.100.7"));
    }

    [Fact]
    public async Task Made_up_first_entries_share_the_real_addresses_limit()
    {
        var options = new AccountRateLimitOptions();
        using var limiter = AccountRateLimits.Create(options);

        var granted = 0;
        for (var request = 0; request < 40; request++)
        {
            var context = await ForwardedAsync(LoadBalancer, $"6.6.{request}.6, 198.51.100.7");
            context.Request.Method = "POST";
            context.Request.Path = "/account/signup";
            granted += limiter.AttemptAcquire(context).IsAcquired ? 1 : 0;
        }

        Assert.Equal(options.SignUpsPerMinute, granted);
    }

    [Fact]
    public void The_dashboard_refuses_to_start_with_the_switch_that_trusts_every_proxy()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [TrustedProxy.TrustEveryProxySetting] = "true" }).Build();

        var refusal = Assert.Throws<InvalidOperationException>(() => TrustedProxy.EnsureNoPassTrustsEveryProxy(configuration));
        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trusted_network_that_is_not_CIDR_notation_is_named()
    {
        Assert.Contains("'10.0.0.0/33'", new TrustedProxyOptions { TrustedNetworks = ["10.0.0.0/16", "10.0.0.0/33"] }.Problem(), StringComparison.Ordinal);
        Assert.Null(new TrustedProxyOptions { TrustedNetworks = ["10.0.0.0/16", "fd00::/8"] }.Problem());
    }

    private static async Task<IPAddress?> ClientAddressAsync(string from, string forwardedFor) =>
        (await ForwardedAsync(from, forwardedFor)).Connection.RemoteIpAddress;

    /// <summary>A request through the forwarded-headers pass as the dashboard configures it, trusting the VPC's range.</summary>
    private static async Task<HttpContext> ForwardedAsync(string from, string forwardedFor)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Proxy:TrustedNetworks:0"] = "10.0.0.0/16" });
        builder.AddTrustedProxy();
        await using var services = builder.Services.BuildServiceProvider();
        var middleware = new ForwardedHeadersMiddleware(_ => Task.CompletedTask, NullLoggerFactory.Instance, services.GetRequiredService<IOptions<ForwardedHeadersOptions>>());
        var context = new DefaultHttpContext();
        context.Connection.RemoteIpAddress = IPAddress.Parse(from);
        context.Request.Headers["X-Forwarded-For"] = forwardedFor;
        await middleware.Invoke(context);
        return context;
    }
}
