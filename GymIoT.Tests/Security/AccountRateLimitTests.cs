using System.Net;
using GymIoT.Dashboard.Accounts;
using Microsoft.AspNetCore.Http;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Security;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class AccountRateLimitTests
{
    private static HttpContext Request(string method, string path, string address)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = method;
        context.Request.Path = path;
        context.Connection.RemoteIpAddress = IPAddress.Parse(address);
        return context;
    }

    [Fact]
    public void A_burst_of_sign_ups_from_one_address_is_refused_past_the_limit_while_others_go_on()
    {
        var options = new AccountRateLimitOptions();
        using var limiter = AccountRateLimits.Create(options);

        var granted = Enumerable.Range(0, 40).Count(_ => limiter.AttemptAcquire(Request("POST", "/account/signup", "203.0.113.7")).IsAcquired);

        Assert.Equal(options.SignUpsPerMinute, granted);
        Assert.True(limiter.AttemptAcquire(Request("POST", "/account/signup", "203.0.113.8")).IsAcquired, "another address is limited too");
        Assert.True(limiter.AttemptAcquire(Request("POST", "/account/login", "203.0.113.7")).IsAcquired, "logging in has a limit of its own");
        Assert.True(limiter.AttemptAcquire(Request("GET", "/account/signup", "203.0.113.7")).IsAcquired, "reading the form is not limited");
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/logout")]
    [InlineData("/Account/Login/")]
    public void Logging_in_and_out_are_limited_per_address(string path)
    {
        var options = new AccountRateLimitOptions();
        using var limiter = AccountRateLimits.Create(options);

        var granted = Enumerable.Range(0, 100).Count(_ => limiter.AttemptAcquire(Request("POST", path, "198.51.100.1")).IsAcquired);

        Assert.Equal(path.Contains("logout", StringComparison.OrdinalIgnoreCase) ? options.LogoutsPerMinute : options.LoginsPerMinute, granted);
    }

    [Fact]
    public void Spelling_the_path_another_way_does_not_open_a_new_window()
    {
        var options = new AccountRateLimitOptions();
        using var limiter = AccountRateLimits.Create(options);
        string[] spellings = ["/account/login", "/Account/Login", "/ACCOUNT/LOGIN/", "/account/login/"];

        var granted = Enumerable.Range(0, 100).Count(i => limiter.AttemptAcquire(Request("POST", spellings[i % spellings.Length], "198.51.100.2")).IsAcquired);

        Assert.Equal(options.LoginsPerMinute, granted);
    }

    [Fact]
    public void Live_connections_nobody_signed_in_to_are_capped_per_address_while_open()
    {
        using var limiter = AccountRateLimits.Create(new AccountRateLimitOptions());
        HttpContext Live(string address, bool signedIn = false)
        {
            var context = Request("GET", "/_blazor", address);
            if (signedIn)
            {
                context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim("name", "member")], "Cookies"));
            }
            return context;
        }

        var open = Enumerable.Range(0, 40).Select(_ => limiter.AttemptAcquire(Live("203.0.113.20"))).ToList();

        Assert.Equal(LiveCircuits.MaxAnonymousPerAddress, open.Count(l => l.IsAcquired));
        Assert.True(limiter.AttemptAcquire(Live("203.0.113.21")).IsAcquired, "another address has its own");
        Assert.True(limiter.AttemptAcquire(Live("203.0.113.20", signedIn: true)).IsAcquired, "an account is capped by its own count of live pages");
        open.First(l => l.IsAcquired).Dispose();
        Assert.True(limiter.AttemptAcquire(Live("203.0.113.20")).IsAcquired, "a connection closed makes room for one");
    }

    [Fact]
    public void An_account_exports_its_data_once_at_a_time()
    {
        using var limiter = AccountRateLimits.Create(new AccountRateLimitOptions());
        HttpContext Export(string account, string path = "/account/export.json")
        {
            var context = Request("GET", path, "198.51.100.30");
            context.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, account)], "Cookies"));
            return context;
        }

        using var first = limiter.AttemptAcquire(Export("giulia90"));

        Assert.True(first.IsAcquired);
        Assert.False(limiter.AttemptAcquire(Export("giulia90", "/account/export.zip")).IsAcquired, "a second export while the first runs");
        Assert.True(limiter.AttemptAcquire(Export("marco77")).IsAcquired, "another account exports meanwhile");
    }
}
