using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace GymIoT.Tests.Infrastructure;

/// <summary>One call the webhook received, and what it answered.</summary>
public sealed record WebhookCall(string Path, JsonElement Body, int Status);

/// <summary>A stand-in for IFTTT's Maker endpoint on 127.0.0.1 that can be told to fail its first calls.</summary>
public sealed class FakeWebhook : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<WebhookCall> _calls = new();
    private readonly Task _serving;
    private int _failuresLeft;

    public FakeWebhook(int failFirst = 0)
    {
        _failuresLeft = failFirst;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public Uri BaseUrl { get; }

    public IReadOnlyCollection<WebhookCall> Calls => [.. _calls];

    public IEnumerable<WebhookCall> Accepted => Calls.Where(c => c.Status == 200);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream);
            var body = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone();
            var status = Interlocked.Decrement(ref _failuresLeft) >= 0 ? 500 : 200;
            _calls.Enqueue(new WebhookCall(context.Request.Url!.AbsolutePath, body, status));
            context.Response.StatusCode = status;
            context.Response.Close();
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
