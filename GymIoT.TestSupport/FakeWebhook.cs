using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;

namespace GymIoT.TestSupport;

/// <summary>One call the webhook received, and what it answered.</summary>
public sealed record WebhookCall(string Path, JsonElement Body, int Status);

/// <summary>A stand-in for IFTTT's Maker endpoint on 127.0.0.1 that can be told to fail its first calls, or to be down.</summary>
public sealed class FakeWebhook : IDisposable
{
    private readonly ConcurrentQueue<WebhookCall> _calls = new();
    private readonly LoopbackHttpServer _server;
    private int _failuresLeft;

    public FakeWebhook(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        _server = new LoopbackHttpServer(AnswerAsync);
    }

    public Uri BaseUrl => _server.BaseUrl;

    public IReadOnlyCollection<WebhookCall> Calls => [.. _calls];

    public IEnumerable<WebhookCall> Accepted => Calls.Where(c => c.Status == 200);

    /// <summary>While true, every call is answered 503, as an endpoint that is down.</summary>
    public bool Down { get; set; }

    private async Task AnswerAsync(HttpListenerContext context)
    {
        using var reader = new StreamReader(context.Request.InputStream);
        var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
        var status = Down ? 503 : Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200;
        _calls.Enqueue(new WebhookCall(context.Request.Url!.AbsolutePath, body, status));
        context.Response.StatusCode = status;
    }

    public void Dispose() => _server.Dispose();
}
