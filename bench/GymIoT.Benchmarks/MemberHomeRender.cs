using System.Diagnostics;
using Aspire.Hosting.Testing;
using GymIoT.TestSupport;

namespace GymIoT.Benchmarks;

public sealed record RenderResult(int Renders, double P50, double P95, double P99, double DynamoDbRequestsPerRender, int HistoryReadings);

/// <summary>
/// Server time to the first render of a member's home: the member signs up, two years of training go through the real
/// queues and aggregator, then the home page is asked for again and again with the member's cookie. Each answer is the
/// server's complete first render (prerendered with every figure and chart series), so the time from request to the last
/// byte on loopback is the server's render time plus a fraction of a millisecond. The dashboard's own
/// <c>gymiot.dynamodb.requests</c> counter, received over OTLP, gives the DynamoDB requests each render made.
/// </summary>
public sealed class MemberHomeRender(BenchmarkBackend backend, PipelineRun pipeline)
{
    private const string Password = "benchmark password";

    public async Task<RenderResult> MeasureAsync(int renders, int historyDays)
    {
        using var session = new DashboardSession(backend.App.GetEndpoint("dashboard", "http"));
        var member = $"render-{Guid.NewGuid():N}"[..16];
        foreach (var step in new[] { await session.SignUpAsync(member, Password), await session.LogInAsync(member, Password) })
        {
            if (step.StatusCode != System.Net.HttpStatusCode.Redirect)
            {
                throw new InvalidOperationException($"Signing up and logging in {member} failed: {step.StatusCode}.");
            }
        }
        var history = await pipeline.HistoryAsync(member, historyDays);

        var home = await session.PageAsync("/");
        if (DashboardSession.KpiValues(home) is not [_, _, var month] || month == "0 kcal")
        {
            throw new InvalidOperationException($"The member home does not show the member's training ({string.Join(", ", DashboardSession.KpiValues(home))}): the measurement would be meaningless.");
        }
        for (var i = 0; i < 20; i++)
        {
            await session.PageAsync("/");
        }

        var requestsBefore = await SettledCounterAsync();
        var times = new List<double>(renders);
        for (var i = 0; i < renders; i++)
        {
            var clock = Stopwatch.StartNew();
            await session.PageAsync("/");
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        var requests = await SettledCounterAsync() - requestsBefore;

        times.Sort();
        return new RenderResult(renders, Percentiles.Of(times, 0.50), Percentiles.Of(times, 0.95), Percentiles.Of(times, 0.99), (double)requests / renders, history);
    }

    /// <summary>The dashboard's DynamoDB request count once two exports in a row agree (metrics are exported every second).</summary>
    private async Task<long> SettledCounterAsync()
    {
        var last = -1L;
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(2.5));
            var now = backend.Telemetry.Counter("dashboard", "gymiot.dynamodb.requests");
            if (now == last)
            {
                return now;
            }
            last = now;
        }
    }
}
