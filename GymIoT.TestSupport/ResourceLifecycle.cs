using System.Runtime.InteropServices;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.TestSupport;

/// <summary>
/// Stops and starts a resource of a running app through Aspire's own commands, as an operator would in its dashboard, or
/// kills the process the app started for it, as a crash would, or freezes it, as a stalled machine would.
/// </summary>
public static class ResourceLifecycle
{
    private const int Attempts = 5;

    /// <summary>SIGSTOP and SIGCONT on Linux.</summary>
    private const int StopSignal = 19;
    private const int ContinueSignal = 18;

    /// <summary>What every service maps its health checks to (ServiceDefaults).</summary>
    private const string HealthPath = "/health";

    private static readonly HttpClient HealthProbe = new();

    /// <summary>
    /// Stops a running resource and waits until it has ended and its process is gone: the orchestrator reports the end
    /// before the process has exited, and a start in that moment would race it for its ports and files (maildev's SMTP
    /// port, dynalite's database lock).
    /// </summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        await app.WaitForAsync(resource, e => e.Snapshot.State?.Text == KnownResourceStates.Running, cancellationToken);
        var process = app.ProcessIdOf(resource);
        try
        {
            await app.ExecuteAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        }
        catch (InvalidOperationException refused)
        {
            // On a loaded machine the orchestrator can give up waiting on a graceful stop that still completes.
            if (!await app.WaitForEndAsync(resource, cancellationToken))
            {
                var log = await app.TailAsync(resource);
                throw new InvalidOperationException(
                    $"{refused.Message} A minute later the orchestrator still had it running; its process {process} {Liveness(process)}. " +
                    $"The end of its log:{Environment.NewLine}{string.Join(Environment.NewLine, log)}", refused);
            }
        }
        await app.WaitForAsync(resource, HasEnded, cancellationToken);
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
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"{resource} was started but was not healthy in time: {app.HealthOf(resource)}. The end of its log:{Environment.NewLine}" +
                    string.Join(Environment.NewLine, await app.TailAsync(resource)));
            }
        }
    }

    /// <summary>A resource's state and each health report, with why it failed: what a start that never turned healthy was waiting on.</summary>
    private static string HealthOf(this DistributedApplication app, string resource)
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource, out var state))
        {
            return "unknown to the orchestrator";
        }
        var process = state.Snapshot.Properties.FirstOrDefault(p => p.Name is "executable.pid" or "project.pid")?.Value is { } pid
            ? $"process {pid} {Liveness(Convert.ToInt32(pid))}"
            : "no process";
        var reports = state.Snapshot.HealthReports.Select(r => $"{r.Name} {r.Status?.ToString() ?? "not checked yet"}" +
            (r.Description is { Length: > 0 } description ? $" ({description})" : "") +
            (r.ExceptionText is { Length: > 0 } exception ? $" [{exception.Split('\n')[0].Trim()}]" : "") +
            (r.LastRunAt is { } at ? $" at {at:HH:mm:ss}" : ""));
        return $"{state.Snapshot.State?.Text}, {process}, health {state.Snapshot.HealthStatus?.ToString() ?? "none"}: {string.Join("; ", reports)}";
    }

    /// <summary>
    /// The id of the process the app runs for a resource now: the emulator's Node.js, or the service's own program (the
    /// AppHost starts it without <c>dotnet run</c>), so also the process that does the resource's work.
    /// </summary>
    public static int ProcessIdOf(this DistributedApplication app, string resource)
    {
        if (!app.ResourceNotifications.TryGetCurrentState(resource, out var state))
        {
            throw new InvalidOperationException($"{resource} is unknown.");
        }
        var pid = state.Snapshot.Properties.First(p => p.Name is "executable.pid" or "project.pid").Value;
        return Convert.ToInt32(pid);
    }

    /// <summary>Stops a resource and starts it again once its old process is gone.</summary>
    public static async Task RestartResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        await app.StopResourceAsync(resource, cancellationToken);
        await app.StartResourceAsync(resource, cancellationToken);
    }

    /// <summary>
    /// Kills a resource's process with SIGKILL, as a crash or the kernel's OOM killer would, and waits until it is gone.
    /// </summary>
    public static async Task KillResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        var pid = app.ProcessIdOf(resource);
        using (var process = System.Diagnostics.Process.GetProcessById(pid))
        {
            process.Kill(entireProcessTree: true);
        }
        await WaitForExitAsync(pid, cancellationToken);
        if (await app.WaitForEndAsync(resource, cancellationToken))
        {
            return;
        }
        // The orchestrator once reported no end of a killed notifier replica for five minutes (CI, 2026-12-04): press Stop,
        // as an operator would on a resource shown running whose process is gone.
        var missed = $"{resource}'s process {pid} was killed and has exited, but a minute later the orchestrator still reported {app.HealthOf(resource)}";
        try
        {
            await app.ExecuteAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        }
        catch (InvalidOperationException refused)
        {
            throw new TimeoutException($"{missed}; a stop was refused: {refused.Message}", refused);
        }
        if (!await app.WaitForEndAsync(resource, cancellationToken))
        {
            throw new TimeoutException($"{missed}, and a minute after a stop {app.HealthOf(resource)}.");
        }
    }

    private static bool HasEnded(ResourceEvent resourceEvent) => KnownResourceStates.TerminalStates.Contains(resourceEvent.Snapshot.State?.Text);

    /// <summary>Whether the orchestrator reports the resource ended within a minute.</summary>
    private static async Task<bool> WaitForEndAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        using var reported = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        reported.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            await app.WaitForAsync(resource, HasEnded, reported.Token);
            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>
    /// Freezes the process of every replica of a resource (SIGSTOP) until the returned handle is disposed (SIGCONT), as a
    /// stalled machine would: the orchestrator still has each running, and each goes on where it stopped. Unlike a kill,
    /// it holds back all replicas at once without the orchestrator starting any of them again.
    /// </summary>
    public static async Task<IDisposable> FreezeResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        var replicas = app.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource).GetReplicaCount();
        var processes = (await app.ReplicasOfAsync(resource, replicas, cancellationToken)).Select(app.ProcessIdOf).ToList();
        var frozen = new List<int>();
        try
        {
            foreach (var pid in processes)
            {
                Signal(pid, StopSignal);
                frozen.Add(pid);
            }
        }
        catch
        {
            frozen.ForEach(pid => Signal(pid, ContinueSignal));
            throw;
        }
        return new Thaw(frozen);
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

    /// <summary>
    /// Waits until a resource, or one replica of it given by its id, is healthy. A service is asked on its own port: the
    /// orchestrator probes it through its proxy, which passed nothing on to a notifier replica started again after a kill,
    /// for minutes, while the replica answered healthy on its own port (clean-clone CI and a local run, 2026-12-02); and
    /// for a replica the proxy answers for whichever replica it picks. An emulator, not proxied, is judged by the
    /// orchestrator's own probe.
    /// </summary>
    public static async Task WaitForHealthyAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        var started = await app.WaitForAsync(resource, e => e.Snapshot.State?.Text == KnownResourceStates.Running || e.Snapshot.State?.Text == KnownResourceStates.FailedToStart, cancellationToken);
        if (started.Snapshot.State?.Text == KnownResourceStates.FailedToStart)
        {
            throw new DistributedApplicationException($"{resource} failed to start.");
        }
        // A service, or one replica of it; the name of a service with replicas has no process of its own to ask.
        if (started.Resource is ProjectResource && app.ResourceNotifications.TryGetCurrentState(resource, out _))
        {
            await WaitUntilServiceAnswersHealthyAsync(app, resource, cancellationToken);
        }
        else
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
        }
    }

    /// <summary>Asks the service's own <c>/health</c> (every check: SQS and DynamoDB too) until it answers healthy.</summary>
    private static async Task WaitUntilServiceAnswersHealthyAsync(DistributedApplication app, string resource, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (app.ResourceNotifications.TryGetCurrentState(resource, out var state) && HasEnded(state))
            {
                throw new DistributedApplicationException($"{resource} ended ({state.Snapshot.State?.Text}) before it was healthy.");
            }
            if (OwnPort(app, resource) is { } port)
            {
                try
                {
                    using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    probe.CancelAfter(TimeSpan.FromSeconds(10));
                    using var answer = await HealthProbe.GetAsync(new Uri($"http://127.0.0.1:{port}{HealthPath}"), probe.Token);
                    if (answer.StatusCode == System.Net.HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
                {
                    // Not listening yet, or its checks not answered yet: ask again.
                }
            }
            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    /// <summary>The loopback port the service's process listens on, once it does.</summary>
    private static int? OwnPort(DistributedApplication app, string resource)
    {
        try
        {
            return ListeningSockets.OfProcess(app.ProcessIdOf(resource)).FirstOrDefault(e => System.Net.IPAddress.IsLoopback(e.Address))?.Port;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return null; // no process yet, or one that ended meanwhile
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

    private static string Liveness(int pid) => IsRunning(pid) ? "is still alive" : "has exited";

    private static async Task WaitForExitAsync(int pid, CancellationToken cancellationToken)
    {
        while (IsRunning(pid))
        {
            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>
    /// Whether the process still runs: a process that has ended but that no parent has reaped yet (a zombie, state Z) holds no port or file and has ended.
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

    private sealed class Thaw(IReadOnlyList<int> processes) : IDisposable
    {
        public void Dispose()
        {
            foreach (var pid in processes)
            {
                Signal(pid, ContinueSignal);
            }
        }
    }

    private static void Signal(int pid, int signal)
    {
        if (Kill(pid, signal) != 0)
        {
            throw new InvalidOperationException($"Signal {signal} to process {pid} failed: errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
