using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GymIoT.Core.Aws;

/// <summary>
/// A health check that calls AWS, asked once at a time and its answer kept for a moment: orchestrators, load balancers
/// and anyone who reaches <c>/health</c> ask for it, and 40 requests at once must not make 40 calls to AWS. A healthy
/// answer is kept <see cref="KeepHealthy"/>, a failing one only <see cref="KeepFailing"/>, so recovery shows at once.
/// </summary>
public sealed class CachedHealthCheck<TCheck>(TCheck check, TimeProvider timeProvider) : IHealthCheck, IDisposable
    where TCheck : IHealthCheck
{
    public static readonly TimeSpan KeepHealthy = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan KeepFailing = TimeSpan.FromSeconds(1);

    private readonly SemaphoreSlim _one = new(1, 1);
    private (HealthCheckResult Result, DateTimeOffset Until)? _kept;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (Kept() is { } fresh)
        {
            return fresh;
        }
        await _one.WaitAsync(cancellationToken);
        try
        {
            if (Kept() is { } meanwhile)
            {
                return meanwhile;
            }
            var result = await check.CheckHealthAsync(context, cancellationToken);
            _kept = (result, timeProvider.GetUtcNow() + (result.Status == HealthStatus.Healthy ? KeepHealthy : KeepFailing));
            return result;
        }
        finally
        {
            _one.Release();
        }
    }

    private HealthCheckResult? Kept() => _kept is var (result, until) && timeProvider.GetUtcNow() < until ? result : null;

    public void Dispose() => _one.Dispose();
}
