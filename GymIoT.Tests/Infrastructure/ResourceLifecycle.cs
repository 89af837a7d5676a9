using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.Tests.Infrastructure;

/// <summary>Stops and starts a resource of a running app through Aspire's own commands, as an operator would in its dashboard.</summary>
public static class ResourceLifecycle
{
    private const int Attempts = 5;

    /// <summary>Stops a running resource and waits until it has ended.</summary>
    public static async Task StopResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        await app.ResourceNotifications.WaitForResourceAsync(resource, KnownResourceStates.Running, cancellationToken);
        await app.ExecuteAsync(resource, KnownResourceCommands.StopCommand, cancellationToken);
        await app.ResourceNotifications.WaitForResourceAsync(
            resource, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellationToken);
    }

    /// <summary>Starts a stopped resource and waits until it is healthy.</summary>
    public static async Task StartResourceAsync(this DistributedApplication app, string resource, CancellationToken cancellationToken = default)
    {
        await app.ExecuteAsync(resource, KnownResourceCommands.StartCommand, cancellationToken);
        await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, cancellationToken);
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
