using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GymIoT.Tests.Infrastructure;

/// <summary>One span as a service exported it.</summary>
public sealed record CapturedSpan(string Service, string Name, string TraceId, string SpanId, string ParentSpanId);

/// <summary>
/// A minimal OTLP/HTTP (protobuf) endpoint on 127.0.0.1: the services export their traces to it, and tests read which spans
/// share a trace. Only the fields it needs are decoded from the wire format.
/// </summary>
public sealed class OtlpTraceReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<CapturedSpan> _spans = new();
    private readonly Task _serving;

    public OtlpTraceReceiver()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public string Endpoint => $"http://127.0.0.1:{Port}";

    public IReadOnlyCollection<CapturedSpan> Spans => [.. _spans];

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
            using var body = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(body);
            if (context.Request.Url?.AbsolutePath == "/v1/traces")
            {
                foreach (var span in Decode(body.ToArray()))
                {
                    _spans.Enqueue(span);
                }
            }
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    /// <summary>ExportTraceServiceRequest → ResourceSpans(1) → [Resource(1) → KeyValue(1)], ScopeSpans(2) → Span(2).</summary>
    private static IEnumerable<CapturedSpan> Decode(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var service = Fields(resourceSpans).Where(f => f.Number == 1)
                .SelectMany(resource => Fields(resource.Bytes).Where(f => f.Number == 1))
                .Select(keyValue => Fields(keyValue.Bytes).ToList())
                .Where(kv => kv.Any(f => f.Number == 1 && Encoding.UTF8.GetString(f.Bytes) == "service.name"))
                .Select(kv => Encoding.UTF8.GetString(Fields(kv.Single(f => f.Number == 2).Bytes).First(f => f.Number == 1).Bytes))
                .FirstOrDefault() ?? "";
            foreach (var scopeSpans in Fields(resourceSpans).Where(f => f.Number == 2))
            {
                foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                {
                    var fields = Fields(span.Bytes).ToList();
                    string Hex(int number) => Convert.ToHexStringLower(fields.FirstOrDefault(f => f.Number == number).Bytes ?? []);
                    var name = Encoding.UTF8.GetString(fields.FirstOrDefault(f => f.Number == 5).Bytes ?? []);
                    yield return new CapturedSpan(service, name, Hex(1), Hex(2), Hex(4));
                }
            }
        }
    }

    private readonly record struct Field(int Number, byte[] Bytes);

    private static IEnumerable<Field> Fields(byte[] message)
    {
        var position = 0;
        while (position < message.Length)
        {
            var key = ReadVarint(message, ref position);
            var number = (int)(key >> 3);
            switch ((int)(key & 7))
            {
                case 0:
                    ReadVarint(message, ref position);
                    break;
                case 1:
                    position += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref position);
                    yield return new Field(number, message[position..(position + length)]);
                    position += length;
                    break;
                case 5:
                    position += 4;
                    break;
                default:
                    throw new InvalidDataException($"Unsupported protobuf wire type in field {number}.");
            }
        }
    }

    private static ulong ReadVarint(byte[] message, ref int position)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = message[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    private static int FreePort()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }
}
