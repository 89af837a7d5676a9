using System.Net;
using GymIoT.TestSupport;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>The stand-in server the tests receive telemetry and webhook calls on.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class LoopbackHttpServerTests
{
    [Fact]
    public async Task A_request_that_fails_ends_alone_and_the_server_serves_the_next_and_stops_cleanly()
    {
        // A drill kills a service while it exports its telemetry: its request fails halfway. That once ended the
        // server's loop, so the rest of the collection's telemetry went unheard and its teardown threw.
        var server = new LoopbackHttpServer(context =>
        {
            if (context.Request.Url!.AbsolutePath == "/broken")
            {
                throw new HttpListenerException(64, "The specified network name is no longer available.");
            }
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        using var http = new HttpClient { BaseAddress = server.BaseUrl, Timeout = TimeSpan.FromSeconds(5) };

        try
        {
            await http.GetAsync("/broken");
        }
        catch (HttpRequestException)
        {
            // The broken request's client may see the connection end, or an empty answer: either is its own affair.
        }
        var next = await http.GetAsync("/telemetry");

        Assert.Equal(HttpStatusCode.NoContent, next.StatusCode);
        server.Dispose();
    }
}
