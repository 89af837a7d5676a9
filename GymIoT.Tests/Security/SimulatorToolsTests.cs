using System.Net;
using Aspire.Hosting.Testing;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Security;

/// <summary>
/// The simulator's operator endpoints in Development. Any web page open in the developer's browser could post to them
/// (no origin was checked), and <c>/history?days=</c> took any number, a million days as well.
/// </summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(PipelineCollection.Name)]
public sealed class SimulatorToolsTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("/bursts", "Origin", "http://evil.example")]
    [InlineData("/history", "Origin", "http://evil.example")]
    [InlineData("/history", "Origin", "null")]
    [InlineData("/bursts", "Host", "evil.example")]
    public async Task A_request_from_another_origin_or_for_another_host_is_refused(string path, string header, string value)
    {
        using var simulator = fixture.App.CreateHttpClient("device-simulator");
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent("{\"count\":1}", System.Text.Encoding.UTF8, "application/json") };
        request.Headers.TryAddWithoutValidation(header, value);

        Assert.Equal(HttpStatusCode.Forbidden, (await simulator.SendAsync(request)).StatusCode);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(1_000_001)]
    public async Task A_history_beyond_its_bounds_is_refused_with_the_reason(int days)
    {
        using var simulator = fixture.App.CreateHttpClient("device-simulator");

        var response = await simulator.PostAsync($"/history?days={days}", null);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The history goes back 1 to 1000 days.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
