using GymIoT.Dashboard.Security;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Security;

/// <summary>The dashboard's own address: where links start and which hosts it answers to.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class PublicSiteTests
{
    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("gym.example.com")]
    [InlineData("ftp://gym.example.com")]
    [InlineData("https://gym.example.com/?next=evil")]
    [InlineData("https://user:pass@gym.example.com")]
    public void Anything_but_a_sites_http_address_is_refused_at_start_with_the_reason(string? url) =>
        Assert.StartsWith("Dashboard:PublicUrl must", new PublicSiteOptions { PublicUrl = url }.Problem(), StringComparison.Ordinal);

    [Fact]
    public void Links_start_with_the_public_address_whatever_its_spelling()
    {
        Assert.Equal("https://gym.example.com/", new PublicSiteOptions { PublicUrl = "https://gym.example.com" }.BaseUrl.ToString());
        Assert.Equal("https://example.com/gym/", new PublicSiteOptions { PublicUrl = "https://example.com/gym/" }.BaseUrl.ToString());
    }

    [Fact]
    public void The_dashboard_answers_to_its_public_host_and_those_allowed_and_in_Development_to_loopback_names()
    {
        var options = new PublicSiteOptions { PublicUrl = "https://gym.example.com", AllowedHosts = "www.gym.example.com; *" };

        Assert.Equal(["gym.example.com", "www.gym.example.com"], PublicSite.HostsOf(options, development: false).Order());
        Assert.Equal(["127.0.0.1", "[::1]", "gym.example.com", "localhost", "www.gym.example.com"], PublicSite.HostsOf(options, development: true).Order(StringComparer.Ordinal));
    }
}
