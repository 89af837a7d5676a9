namespace GymIoT.Tests.Infrastructure;

/// <summary>Polls until a condition holds or the time is up; the last value is returned either way, for the assertion to judge.</summary>
public static class Eventually
{
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan timeout, TimeSpan? interval = null)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var value = await read();
            if (done(value) || DateTimeOffset.UtcNow > deadline)
            {
                return value;
            }
            await Task.Delay(interval ?? TimeSpan.FromMilliseconds(250));
        }
    }
}
