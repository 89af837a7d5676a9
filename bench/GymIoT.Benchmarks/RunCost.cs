using GymIoT.TestSupport;

namespace GymIoT.Benchmarks;

/// <summary>
/// Where the work of a phase of the run (the burst, the soak) goes: the CPU each process of the system took during it
/// (from <c>/proc</c>), and the AWS requests each service sent per reading, by operation (from the services' own
/// <c>gymiot.*.requests</c> counters).
/// </summary>
public sealed class RunCost(BenchmarkBackend backend, string phase)
{
    /// <summary>Each service counted, with the counter of the readings it handled: the coach may lag behind the aggregator.</summary>
    private static readonly (string Service, string Handled)[] Counted = [("aggregator", "gymiot.readings.processed"), ("coach", "gymiot.coach.readings")];
    private static readonly string[] Metrics = ["gymiot.dynamodb.requests", "gymiot.sqs.requests"];

    private IReadOnlyDictionary<string, double> _cpuBefore = new Dictionary<string, double>();
    private Dictionary<(string Service, string Metric, string Operation), long> _requestsBefore = [];
    private Dictionary<string, double> _cores = [];
    private Dictionary<string, long> _handledBefore = [];

    public void Start()
    {
        _cpuBefore = backend.CpuSecondsByProcess();
        _requestsBefore = Requests();
        _handledBefore = Counted.ToDictionary(s => s.Service, s => backend.Telemetry.Counter(s.Service, s.Handled));
    }

    /// <summary>Ends the CPU count, as the phase ends: the requests are read later, once the services have exported them.</summary>
    public void Stop(double seconds) => _cores = BenchmarkBackend.Cores(_cpuBefore, backend.CpuSecondsByProcess(), seconds);

    /// <summary>The cores each process took during the phase (<see cref="BenchmarkBackend.Machine"/> for the whole machine).</summary>
    public IReadOnlyDictionary<string, double> Cores => _cores;

    /// <returns>The row of the cores each process took during the phase.</returns>
    public (string Measure, string Value) CpuRow() => ($"{phase}: CPU by process (cores of {Environment.ProcessorCount})", BenchmarkBackend.DescribeCores(_cores));

    /// <returns>Rows: the cores each process took during the phase, and each service's requests per reading it handled.</returns>
    public IEnumerable<(string Measure, string Value)> Rows()
    {
        yield return CpuRow();
        var requests = Requests();
        foreach (var (service, handledCounter) in Counted)
        {
            var readings = backend.Telemetry.Counter(service, handledCounter) - _handledBefore[service];
            foreach (var metric in Metrics)
            {
                var perOperation = requests.Where(r => r.Key.Service == service && r.Key.Metric == metric)
                    .Select(r => (r.Key.Operation, PerReading: (r.Value - _requestsBefore.GetValueOrDefault(r.Key)) / (double)Math.Max(readings, 1)))
                    .Where(r => r.PerReading > 0.0005)
                    .OrderByDescending(r => r.PerReading)
                    .ToList();
                yield return ($"{phase}: {service} {metric.Split('.')[1]} requests per reading it handled ({readings:N0})",
                    $"{perOperation.Sum(r => r.PerReading):N3} ({string.Join(", ", perOperation.Select(r => $"{r.Operation} {r.PerReading:N3}"))})");
            }
        }
    }

    private Dictionary<(string Service, string Metric, string Operation), long> Requests() =>
        Counted.SelectMany(s => Metrics.SelectMany(metric => backend.Telemetry.CounterPoints(s.Service, metric)
                .Select(p => (Key: (s.Service, metric, p.Attributes.GetValueOrDefault("aws.operation") ?? ""), p.Value))))
            .GroupBy(p => p.Key)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Value));
}
