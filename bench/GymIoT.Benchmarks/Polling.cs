using System.Diagnostics;

namespace GymIoT.Benchmarks;

/// <summary>Waits, checking now and then, until something the benchmark watches has happened or the time is up.</summary>
public static class Polling
{
    public static async Task UntilAsync(Func<bool> done, TimeSpan timeout, TimeSpan interval)
    {
        var clock = Stopwatch.StartNew();
        while (!done() && clock.Elapsed < timeout)
        {
            await Task.Delay(interval);
        }
    }
}
