using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GymIoT.TestSupport;

/// <summary>
/// Stops and starts a resource of a running app through Aspire's own commands, as an operator would in its dashboard, or
/// kills the process the app started for it, as a crash would.
/// </summary>
public static class ResourceLifecycle
{
    private const int Attempts = 5;

    /// <summary>
    /// Stops a running resource and waits until it has ended and its processes are gone: the orchestrator reports the end
    /// before the last of them has exited, and a start in that moment would race it for its ports and files (maildev's SMTP
    /// port, dynalite's database lock).
    /// </summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        await app.WaitForAsync(resource, e => e.Snapshot.State?.Text == KnownResourceStates.Running, cancellationToken);
        var process = app.ProcessIdOf(resource);
        var service = app.ServiceProcessIdOf(resource);
        try
        {
            await app.ExecuteAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        }
        catch (InvalidOperationException refused)
        {
            // On a loaded machine the orchestrator can give up waiting on a graceful stop that still completes.
            using var grace = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            grace.CancelAfter(TimeSpan.FromSeconds(60));
            try
            {
                await app.WaitForAsync(resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), grace.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                var log = await app.TailAsync(resource);
                throw new InvalidOperationException(
                    $"{refused.Message} A minute later the orchestrator still had it running; its process {process} {Liveness(process)}, " +
                    $"its service process {service} {Liveness(service)}. The end of its log:{Environment.NewLine}{string.Join(Environment.NewLine, log)}", refused);
            }
        }
        await app.WaitForAsync(resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
        await WaitForExitAsync(service, cancellationToken);
        await WaitForExitAsync(process, cancellationToken);
    }

    /// <summary>
    /// Starts a stopped resource and waits until it is healthy. A start the orchestrator reports as failed is tried again a
    /// few times, as an operator would press Start again.
    /// </summary>
    public static async Task StartResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        for (var attempt = 1; ; attempt++)
        {
            await app.ExecuteAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
            try
            {
                await app.WaitForHealthyAsync(resource, cancellationToken);
                return;
            }
            catch (DistributedApplicationException) when (attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
            }
        }
    }

    /// <summary>The id of the process the app runs for a resource now (an executable or a project).</summary>
    public static int ProcessIdOf(this DistributedApplication app, string resource)
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource, out var state))
        {
            throw new InvalidOperationException($"{resource} is unknown.");
        }
        var pid = state.Snapshot.Properties.First(p => p.Name is "executable.pid" or "project.pid").Value;
        return Convert.ToInt32(pid);
    }

    /// <summary>
    /// The process that does a resource's work: for a project, which the orchestrator starts through <c>dotnet run</c>, the
    /// service that it runs; for an executable, the process itself.
    /// </summary>
    public static int ServiceProcessIdOf(this DistributedApplication app, string resource)
    {
        var pid = app.ProcessIdOf(resource);
        var children = Directory.GetDirectories($"/proc/{pid}/task")
            .SelectMany(task => ChildrenListed(Path.Combine(task, "children")))
            .Select(int.Parse)
            .ToList();
        return children is [var service] ? service : pid;
    }

    /// <summary>Stops a resource and starts it again once its old processes are gone.</summary>
    public static async Task RestartResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        await app.StopResourceAsync(resource, cancellationToken);
        await app.StartResourceAsync(resource, cancellationToken);
    }

    /// <summary>
    /// Kills a resource's processes (a project's service and the <c>dotnet run</c> above it) with SIGKILL, as a crash or the
    /// kernel's OOM killer would, and waits until they are gone.
    /// </summary>
    public static async Task KillResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        var pid = app.ProcessIdOf(resource);
        var service = app.ServiceProcessIdOf(resource);
        using (var process = System.Diagnostics.Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: true);
        }
        await WaitForExitAsync(service, cancellationToken);
        await WaitForExitAsync(pid, cancellationToken);
        await app.WaitForAsync(resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
    }

    /// <summary>
    /// The ids of a resource's replicas (e.g. <c>aggregator-xk2fd9ab</c>), once it has <paramref name="count"/> of them; each
    /// id works wherever these methods take a resource, to stop, start or kill that replica alone.
    /// </summary>
    public static async Task<IReadOnlyList<string>> ReplicasOfAsync(this DistributedApplication app, string resource, int count, CancellationToken cancellationToken = default)
    {
        var replicas = new SortedSet<string>(StringComparer.Ordinal);
        await foreach (var resourceEvent in app.ResourceNotifications.WatchAsync(cancellationToken))
        {
            if (resourceEvent.Resource.Name == resource && replicas.Add(resourceEvent.ResourceId) && replicas.Count == count)
            {
                break;
            }
        }
        return [.. replicas];
    }

    /// <summary>Waits until a resource, or one replica of it given by its id, is healthy.</summary>
    public static async Task WaitForHealthyAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        if (ReplicaOf(app, resource) is null)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
            return;
        }
        var healthy = await app.WaitForAsync(resource, e => e.Snapshot.HealthStatus == HealthStatus.Healthy || e.Snapshot.State?.Text == KnownResourceStates.FailedToStart, cancellationToken);
        if (healthy.Snapshot.HealthStatus != HealthStatus.Healthy)
        {
            throw new DistributedApplicationException($"{resource} failed to start.");
        }
    }

    /// <summary>Waits for an event of a resource, or of one replica of it given by its id, that matches <paramref name="predicate"/>.</summary>
    private static Task<ResourceEvent> WaitForAsync(this DistributedApplication app, string resource, Func<ResourceEvent, bool> predicate, CancellationToken cancellationToken) =>
        ReplicaOf(app, resource) is { } name
            ? app.ResourceNotifications.WaitForResourceAsync(name, e => e.ResourceId == resource && predicate(e), cancellationToken)
            : app.ResourceNotifications.WaitForResourceAsync(resource, predicate, cancellationToken);

    /// <summary>The name of the resource whose replica has the id <paramref name="resource"/>; null when it is a resource's own name.</summary>
    private static string? ReplicaOf(DistributedApplication app, string resource) =>
        app.ResourceNotifications.TryGetCurrentState(resource, out var state) && state.ResourceId == resource && state.Resource.Name != resource
            ? state.Resource.Name
            : null;

    private static string[] ChildrenListed(string file)
    {
        try
        {
            return File.ReadAllText(file).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        catch (IOException)
        {
            return []; // a thread that ended meanwhile
        }
    }

    private static string Liveness(int pid) => IsRunning(pid) ? "is still alive" : "has exited";

    private static async Task WaitForExitAsync(int pid, CancellationToken cancellationToken)
    {
        while (IsRunning(pid))
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>
    /// Whether the process still runs: a process that has ended but that no parent has reaped yet (a zombie, state Z, as
    /// a killed service whose <c>dotnet run</c> was killed with it may stay) holds no port or file and has ended.
    /// </summary>
    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 1)..].TrimStart() is not ['Z', ..];
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>A command the orchestrator may refuse while the resource is between states is tried again, a few times.</summary>
    private static async Task ExecuteAsync(this DistributedApplication app, string resource, string command, CancellationToken cancellationToken)
    {
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        for (var attempt = 1; ; attempt++)
        {
            var result = await commands.ExecuteCommandAsync(resource, command, cancellationToken);
            if (result.Success)
            {
                return;
            }
            if (attempt == Attempts)
            {
                throw new InvalidOperationException($"{command} on {resource} failed: {result.Message}");
            }
            await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        }
    }
}
