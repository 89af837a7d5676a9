using System.Net;
using System.Net.Sockets;

namespace GymIoT.TestSupport;

/// <summary>A small HTTP server on a free port of 127.0.0.1 that hands every request to a handler, for stand-ins of outside services.</summary>
public sealed class LoopbackHttpServer : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public LoopbackHttpServer(Func<HttpListenerContext, Task> handle)
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/");
        }
        _listener.Prefixes.Add(BaseUrl.ToString());
        _listener.Start();
        _serving = Task.Run(async () =>
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
                await ServeAsync(handle, context);
            }
        });
    }

    public Uri BaseUrl { get; }

    /// <summary>
    /// One request: whatever goes wrong with it (a client killed mid-request, as the drills kill services while they
    /// export telemetry, or a handler that throws) ends that request alone, never the server.
    /// </summary>
    private static async Task ServeAsync(Func<HttpListenerContext, Task> handle, HttpListenerContext context)
    {
        try
        {
            await handle(context);
            context.Response.Close();
        }
        catch (Exception)
        {
            try
            {
                context.Response.Abort();
            }
            catch (ObjectDisposedException)
            {
                // Closed already: nothing left to end.
            }
        }
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
