using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Decides for spans that would start a trace: a client call made outside any trace starts none. Long polls that find
/// nothing, the health checks' calls behind <c>/health</c> and the dashboard's periodic reads would otherwise each be a
/// trace of their own, burying a reading's trace (which starts at the sensor, a request, or a consumed message).
/// </summary>
public sealed class NoClientRootSampler : Sampler
{
    private static readonly SamplingResult Dropped = new(SamplingDecision.Drop);
    private static readonly SamplingResult Sampled = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Dropped : Sampled;
}
