using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace GymIoT.TestSupport;

/// <summary>
/// One exported span; <see cref="Kind"/> as OTLP numbers it (1 internal, 2 server, 3 client, 4 producer, 5 consumer), and
/// whether its status is error.
/// </summary>
public sealed record CapturedSpan(string Service, string Name, string TraceId, string SpanId, string ParentSpanId, DateTimeOffset StartedAt, DateTimeOffset EndedAt, int Kind, bool IsError)
{
    public const int Client = 3;
    public const int Consumer = 5;

    public bool IsRoot => ParentSpanId.Length == 0;
}

/// <summary>One data point of a counter: its attributes and its cumulative value.</summary>
public sealed record CounterPoint(IReadOnlyDictionary<string, string> Attributes, long Value);

/// <summary>
/// A minimal OTLP/HTTP (protobuf) endpoint on 127.0.0.1: the services export their traces and metrics to it, and tests and
/// benchmarks read which spans share a trace, when they ended, and the latest value of each counter. Only the fields it
/// needs are decoded from the wire format.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly ConcurrentQueue<CapturedSpan> _spans = new();
    private readonly ConcurrentDictionary<(string Service, string Metric), long> _counters = new();
    private readonly ConcurrentDictionary<(string Service, string Metric), IReadOnlyList<CounterPoint>> _points = new();
    private readonly ConcurrentDictionary<(string Service, string Metric), double> _doubleCounters = new();
    private readonly ConcurrentQueue<byte[]>? _bodies;
    private readonly LoopbackHttpServer _server;

    /// <param name="keepEverything">Keep every request as received (traces, metrics and logs), so <see cref="Mentions"/> can search it.</param>
    public OtlpReceiver(bool keepEverything = false)
    {
        _bodies = keepEverything ? new ConcurrentQueue<byte[]>() : null;
        _server = new LoopbackHttpServer(ReceiveAsync);
    }

    /// <summary>Requests received (with <c>keepEverything</c>), by signal: <c>/v1/traces</c>, <c>/v1/metrics</c>, <c>/v1/logs</c>.</summary>
    public ConcurrentDictionary<string, int> Received { get; } = new();

    /// <summary>True when any span, metric or log record received holds <paramref name="text"/> (UTF-8), e.g. a secret.</summary>
    public bool Mentions(string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return (_bodies ?? throw new InvalidOperationException("Not keeping what it receives.")).Any(body => body.AsSpan().IndexOf(needle) >= 0);
    }

    public string Endpoint => _server.BaseUrl.ToString().TrimEnd('/');

    public IReadOnlyCollection<CapturedSpan> Spans => [.. _spans];

    /// <summary>The latest cumulative value of an integer counter a service exported, summed over its data points (tags).</summary>
    public long Counter(string service, string metric) => _counters.GetValueOrDefault((service, metric));

    /// <summary>The latest cumulative value of a floating-point counter a service exported (e.g. seconds), summed over its data points.</summary>
    public double DoubleCounter(string service, string metric) => _doubleCounters.GetValueOrDefault((service, metric));

    /// <summary>The latest data points of an integer counter a service exported, each with its attributes (tags).</summary>
    public IReadOnlyList<CounterPoint> CounterPoints(string service, string metric) => _points.GetValueOrDefault((service, metric)) ?? [];

    /// <summary>The services that exported <paramref name="metric"/>.</summary>
    public IReadOnlyList<string> ServicesWith(string metric) => [.. _points.Keys.Where(k => k.Metric == metric).Select(k => k.Service).Distinct()];

    private async Task ReceiveAsync(HttpListenerContext context)
    {
        using var body = new MemoryStream();
        await context.Request.InputStream.CopyToAsync(body);
        if (_bodies is not null)
        {
            _bodies.Enqueue(body.ToArray());
            Received.AddOrUpdate(context.Request.Url?.AbsolutePath ?? "", 1, (_, n) => n + 1);
        }
        if (context.Request.Url?.AbsolutePath == "/v1/traces")
        {
            foreach (var span in DecodeSpans(body.ToArray()))
            {
                _spans.Enqueue(span);
            }
        }
        else if (context.Request.Url?.AbsolutePath == "/v1/metrics")
        {
            foreach (var (service, metric, points, doubleTotal) in DecodeCounters(body.ToArray()))
            {
                if (points is null)
                {
                    _doubleCounters[(service, metric)] = doubleTotal;
                    continue;
                }
                _counters[(service, metric)] = points.Sum(p => p.Value);
                _points[(service, metric)] = points;
            }
        }
        context.Response.StatusCode = 200;
        context.Response.ContentType = "application/x-protobuf";
    }

    /// <summary>
    /// ExportTraceServiceRequest → ResourceSpans(1) → [Resource(1)], ScopeSpans(2) → Span(2) {ids 1, 2, 4; name 5; kind 6; start 7; end 8;
    /// status 15 → code(3), 2 = error}.
    /// </summary>
    private static IEnumerable<CapturedSpan> DecodeSpans(byte[] request)
    {
        foreach (var resourceSpans in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var service = ServiceName(resourceSpans);
            foreach (var scopeSpans in Fields(resourceSpans).Where(f => f.Number == 2))
            {
                foreach (var span in Fields(scopeSpans.Bytes).Where(f => f.Number == 2))
                {
                    var fields = Fields(span.Bytes).ToList();
                    string Hex(int number) => Convert.ToHexStringLower(fields.FirstOrDefault(f => f.Number == number).Bytes ?? []);
                    var name = Encoding.UTF8.GetString(fields.FirstOrDefault(f => f.Number == 5).Bytes ?? []);
                    DateTimeOffset Time(int number) => DateTimeOffset.UnixEpoch.AddTicks(BitConverter.ToInt64(fields.FirstOrDefault(f => f.Number == number).Bytes ?? new byte[8]) / 100);
                    var kind = (int)fields.FirstOrDefault(f => f.Number == 6).Varint;
                    var status = Fields(fields.FirstOrDefault(f => f.Number == 15).Bytes ?? []).FirstOrDefault(f => f.Number == 3).Varint;
                    yield return new CapturedSpan(service, name, Hex(1), Hex(2), Hex(4), Time(7), Time(8), kind, IsError: status == 2);
                }
            }
        }
    }

    /// <summary>
    /// ExportMetricsServiceRequest → ResourceMetrics(1) → ScopeMetrics(2) → Metric(2) {name(1), sum(7) → NumberDataPoint(1) →
    /// {as_double(4), as_int(6), attributes(7) → KeyValue}}: an integer sum's points, or a floating-point sum's total.
    /// </summary>
    private static IEnumerable<(string Service, string Metric, IReadOnlyList<CounterPoint>? Points, double DoubleTotal)> DecodeCounters(byte[] request)
    {
        foreach (var resourceMetrics in Fields(request).Where(f => f.Number == 1).Select(f => f.Bytes))
        {
            var service = ServiceName(resourceMetrics);
            foreach (var metric in Fields(resourceMetrics).Where(f => f.Number == 2).SelectMany(scope => Fields(scope.Bytes).Where(f => f.Number == 2)))
            {
                var fields = Fields(metric.Bytes).ToList();
                var sum = fields.FirstOrDefault(f => f.Number == 7).Bytes;
                if (sum is null)
                {
                    continue;
                }
                var name = Encoding.UTF8.GetString(fields.First(f => f.Number == 1).Bytes);
                var points = Fields(sum).Where(f => f.Number == 1).Select(point => Fields(point.Bytes).ToList()).ToList();
                if (points.All(p => p.Any(f => f.Number == 6)))
                {
                    yield return (service, name,
                        [.. points.Select(p => new CounterPoint(
                            p.Where(f => f.Number == 7).Select(kv => KeyValue(kv.Bytes)).ToDictionary(kv => kv.Key, kv => kv.Value),
                            BitConverter.ToInt64(p.First(f => f.Number == 6).Bytes)))], 0);
                }
                else if (points.All(p => p.Any(f => f.Number == 4)))
                {
                    yield return (service, name, null, points.Sum(p => BitConverter.ToDouble(p.First(f => f.Number == 4).Bytes)));
                }
            }
        }
    }

    /// <summary>KeyValue {key(1), AnyValue(2) → string_value(1)}; a value of another type reads as empty.</summary>
    private static (string Key, string Value) KeyValue(byte[] keyValue)
    {
        var fields = Fields(keyValue).ToList();
        var value = Fields(fields.FirstOrDefault(f => f.Number == 2).Bytes ?? []).FirstOrDefault(f => f.Number == 1).Bytes;
        return (Encoding.UTF8.GetString(fields.First(f => f.Number == 1).Bytes), value is null ? "" : Encoding.UTF8.GetString(value));
    }

    /// <summary>The <c>service.name</c> attribute of a resource: Resource(1) → KeyValue(1) {key(1), AnyValue(2) → string_value(1)}.</summary>
    private static string ServiceName(byte[] resourceData) =>
        Fields(resourceData).Where(f => f.Number == 1)
            .SelectMany(resource => Fields(resource.Bytes).Where(f => f.Number == 1))
            .Select(keyValue => Fields(keyValue.Bytes).ToList())
            .Where(kv => kv.Any(f => f.Number == 1 && Encoding.UTF8.GetString(f.Bytes) == "service.name"))
            .Select(kv => Encoding.UTF8.GetString(Fields(kv.Single(f => f.Number == 2).Bytes).First(f => f.Number == 1).Bytes))
            .FirstOrDefault() ?? "";

    /// <summary>A field: its bytes (length-delimited and fixed-size), or its value (varint, with no bytes).</summary>
    private readonly record struct Field(int Number, byte[] Bytes, ulong Varint = 0);

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
                    yield return new Field(number, [], ReadVarint(message, ref position));
                    break;
                case 1:
                    yield return new Field(number, message[position..(position + 8)]);
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

    public void Dispose() => _server.Dispose();
}
