using GymIoT.Core.Aws;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace GymIoT.Tests.Platform;

/// <summary>
/// <c>/health</c> calls AWS for every request: 40 at once made 40 calls, which anyone who reaches it could repeat at will.
/// </summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class CachedHealthCheckTests
{
    [Fact]
    public async Task Forty_requests_at_once_make_one_call_and_a_healthy_answer_is_kept_ten_seconds()
    {
        var clock = new FakeTimeProvider();
        var probe = new CountingCheck(HealthCheckResult.Healthy());
        using var cached = new CachedHealthCheck<CountingCheck>(probe, clock);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(_ => Task.Run(() => cached.CheckHealthAsync(new HealthCheckContext()))));
        Assert.Equal(1, probe.Calls);

        clock.Advance(CachedHealthCheck<CountingCheck>.KeepHealthy - TimeSpan.FromMilliseconds(1));
        await cached.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(1, probe.Calls);
        clock.Advance(TimeSpan.FromMilliseconds(1));
        await cached.CheckHealthAsync(new HealthCheckContext());
        Assert.Equal(2, probe.Calls);
    }

    [Fact]
    public async Task A_failing_answer_is_asked_again_after_a_second()
    {
        var clock = new FakeTimeProvider();
        var probe = new CountingCheck(HealthCheckResult.Unhealthy("SQS did not answer."));
        using var cached = new CachedHealthCheck<CountingCheck>(probe, clock);

        Assert.Equal(HealthStatus.Unhealthy, (await cached.CheckHealthAsync(new HealthCheckContext())).Status);
        clock.Advance(CachedHealthCheck<CountingCheck>.KeepFailing);
        await cached.CheckHealthAsync(new HealthCheckContext());

        Assert.Equal(2, probe.Calls);
    }

    public sealed class CountingCheck(HealthCheckResult result) : IHealthCheck
    {
        private int _calls;

        public int Calls => _calls;

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(50, cancellationToken);
            return result;
        }
    }
}
