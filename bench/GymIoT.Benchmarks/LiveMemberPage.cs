using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.Benchmarks;

/// <summary>
/// A member home held open as a browser holds it, without a browser: the prerendered page's interactive components are
/// started on a Blazor Server circuit over the circuit hub, every render batch the server pushes is acknowledged, and
/// every call the page makes to JavaScript (the charts) is answered. The time of each render batch tells when the page
/// changed on the member's screen.
/// </summary>
public sealed partial class LiveMemberPage : IAsyncDisposable
{
    private readonly HubConnection _hub;
    private readonly System.Collections.Concurrent.ConcurrentQueue<DateTimeOffset> _renderTimes = new();
    private int _renders;
    private int _errors;

    private LiveMemberPage(HubConnection hub) => _hub = hub;

    public string MemberId { get; private init; } = "";

    /// <summary>Render batches the server has pushed since the page opened.</summary>
    public int Renders => Volatile.Read(ref _renders);

    /// <summary>Errors the circuit reported (<c>JS.Error</c>).</summary>
    public int Errors => Volatile.Read(ref _errors);

    /// <summary>When the first render batch after <paramref name="time"/> arrived, if one did.</summary>
    public DateTimeOffset? FirstRenderAfter(DateTimeOffset time) => _renderTimes.Where(t => t > time).Cast<DateTimeOffset?>().FirstOrDefault();

    /// <summary>Opens <paramref name="html"/>, the member home as the dashboard served it to the session of <paramref name="cookieHeader"/>.</summary>
    public static async Task<LiveMemberPage> OpenAsync(Uri dashboard, string memberId, string cookieHeader, string html, CancellationToken cancellationToken)
    {
        var markers = StartMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!).Where(m => m["type"]?.GetValue<string>() == "server").ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"The home of {memberId} has no interactive component to start.");
        }
        var state = ComponentState().Match(html) is { Success: true } found ? found.Groups[1].Value : "";
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(dashboard, "_blazor"), options =>
            {
                options.Headers["Cookie"] = cookieHeader;
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            });
        builder.Services.AddSingleton<IHubProtocol, BlazorPackProtocol>();
        var hub = builder.Build();
        var page = new LiveMemberPage(hub) { MemberId = memberId };
        hub.On<long, byte[]>("JS.RenderBatch", async (batchId, _) =>
        {
            page._renderTimes.Enqueue(DateTimeOffset.UtcNow);
            Interlocked.Increment(ref page._renders);
            await hub.SendAsync("OnRenderCompleted", batchId, null);
        });
        hub.On<long, string, string, int, long>("JS.BeginInvokeJS", (taskId, _, _, _, _) =>
            hub.SendAsync("EndInvokeJSFromDotNet", taskId, true, $"[{taskId},true,null]"));
        hub.On<string>("JS.Error", _ => Interlocked.Increment(ref page._errors));
        await hub.StartAsync(cancellationToken);

        var pageUri = new Uri(dashboard, "/").ToString();
        await hub.InvokeAsync<string>("StartCircuit", dashboard.ToString(), pageUri, "[]", "", cancellationToken);
        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray([.. markers.Select((marker, i) => (JsonNode)new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker })]),
        };
        await hub.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancellationToken);
        return page;
    }

    /// <summary>Waits until the page has rendered at least <paramref name="count"/> batches, or throws.</summary>
    public async Task WaitForRendersAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (Renders < count)
        {
            if (clock.Elapsed > timeout || Errors > 0 || _hub.State != HubConnectionState.Connected)
            {
                throw new InvalidOperationException($"The home of {MemberId} rendered {Renders} batches, not {count}, in {clock.Elapsed.TotalSeconds:N0} s ({Errors} circuit errors, connection {_hub.State}).");
            }
            await Task.Delay(50);
        }
    }

    public ValueTask DisposeAsync() => _hub.DisposeAsync();

    [GeneratedRegex(@"<!--Blazor:(\{.*?\})-->", RegexOptions.Singleline)]
    private static partial Regex StartMarker();

    [GeneratedRegex(@"<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex ComponentState();
}
