using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.TestSupport;

/// <summary>The console output of a resource the app runs, for a failing test to show what the service was doing.</summary>
public static class ResourceLogs
{
    /// <summary>The last <paramref name="lines"/> lines the resource's current process wrote.</summary>
    public static Task<IReadOnlyList<string>> TailAsync(this DistributedApplication app, string resource, int lines = 40) =>
        ReadAsync(app, resource, lines, errorsOnly: false);

    /// <summary>The lines the resource's current process wrote to its error output, which the dashboard shows in red.</summary>
    public static Task<IReadOnlyList<string>> ErrorLinesAsync(this DistributedApplication app, string resource) =>
        ReadAsync(app, resource, lines: 1000, errorsOnly: true);

    private static async Task<IReadOnlyList<string>> ReadAsync(DistributedApplication app, string resource, int lines, bool errorsOnly)
    {
        var name = app.ResourceNotifications.TryGetCurrentState(resource, out var state) ? state.ResourceId : resource;
        var logs = app.Services.GetRequiredService<ResourceLoggerService>();
        var tail = new Queue<string>(lines);
        using var reading = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await foreach (var batch in logs.GetAllAsync(name).WithCancellation(reading.Token))
            {
                foreach (var line in batch.Where(line => !errorsOnly || line.IsErrorMessage))
                {
                    if (tail.Count == lines)
                    {
                        tail.Dequeue();
                    }
                    tail.Enqueue(line.Content);
                }
            }
        }
        catch (OperationCanceledException)
        {
            tail.Enqueue("(the log was still being read after 10 s)");
        }
        return [.. tail];
    }
}
