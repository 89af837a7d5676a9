using GymIoT.Core.Aws;
using GymIoT.AppHost.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace GymIoT.AppHost.Backend;

public static class AwsProvisioningExtensions
{
    /// <summary>
    /// A resource that waits for the backend, provisions queues and tables idempotently, and then shows Finished
    /// (exit code 0) or FailedToStart with the reason in its log. When a backend resource it waits for is restarted (an
    /// emulator that keeps its data in memory comes back empty), it provisions again as soon as that resource is healthy.
    /// </summary>
    public static IResourceBuilder<AwsProvisioningResource> AddAwsProvisioning(
        this IDistributedApplicationBuilder builder, string name, Func<AwsSettings> settings) =>
        builder.AddAwsSetup(name, settings, checkOnly: false);

    /// <summary>
    /// On an AWS account the AppHost does not provision: a resource that checks that the credentials work and that every
    /// queue and table is there, and otherwise fails with one line saying what is wrong and what to do.
    /// </summary>
    public static IResourceBuilder<AwsProvisioningResource> AddAwsCheck(
        this IDistributedApplicationBuilder builder, string name, Func<AwsSettings> settings) =>
        builder.AddAwsSetup(name, settings, checkOnly: true);

    private static IResourceBuilder<AwsProvisioningResource> AddAwsSetup(
        this IDistributedApplicationBuilder builder, string name, Func<AwsSettings> settings, bool checkOnly)
    {
        return builder.AddResource(new AwsProvisioningResource(name))
            .WithInitialState(new CustomResourceSnapshot
            {
                ResourceType = "AwsProvisioning",
                State = KnownResourceStates.NotStarted,
                Properties = [],
            })
            .OnInitializeResource(async (resource, @event, cancellationToken) =>
            {
                var notifications = @event.Notifications;
                var timeProvider = @event.Services.GetService<TimeProvider>() ?? TimeProvider.System;
                await @event.Eventing.PublishAsync(new BeforeResourceStartedEvent(resource, @event.Services), cancellationToken);
                await notifications.WaitForDependenciesAsync(resource, cancellationToken);
                await notifications.PublishUpdateAsync(resource, s => s with
                {
                    State = KnownResourceStates.Running,
                    StartTimeStamp = timeProvider.GetUtcNow().UtcDateTime,
                });

                var aws = settings();
                try
                {
                    IReadOnlyList<ResourcePropertySnapshot> outcome;
                    if (checkOnly)
                    {
                        using var sqs = aws.CreateSqsClient();
                        using var dynamoDb = aws.CreateDynamoDbClient();
                        if (await new AwsReadiness(sqs, dynamoDb).MissingAsync(aws.Region, cancellationToken) is { } missing)
                        {
                            throw new AwsNotReadyException(missing);
                        }
                        outcome = [];
                    }
                    else
                    {
                        var report = await ProvisionAsync(aws, timeProvider, @event.Logger, cancellationToken);
                        outcome = [new("aws.provisioning.created", report.Created.Count), new("aws.provisioning.updated", report.Updated.Count)];
                    }
                    await notifications.PublishUpdateAsync(resource, s => s with
                    {
                        State = KnownResourceStates.Finished,
                        ExitCode = 0,
                        StopTimeStamp = timeProvider.GetUtcNow().UtcDateTime,
                        Properties = [.. s.Properties, .. outcome],
                    });
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A known problem (no credentials, refused ones, no network, missing queues) is one line with what to do.
                    if (((ex as AwsNotReadyException)?.Message ?? AwsProblem.Explain(ex, aws.Region)) is { } problem)
                    {
                        @event.Logger.LogError("{AwsProblem}", problem);
                    }
                    else
                    {
                        @event.Logger.LogError(ex, "AWS provisioning failed");
                    }
                    await notifications.PublishUpdateAsync(resource, s => s with
                    {
                        State = KnownResourceStates.FailedToStart,
                        ExitCode = 1,
                        StopTimeStamp = timeProvider.GetUtcNow().UtcDateTime,
                    });
                    return;
                }
                if (checkOnly)
                {
                    return;
                }

                var backend = resource.Annotations.OfType<WaitAnnotation>().Select(w => w.Resource.Name).ToHashSet();
                _ = ProvisionAfterRestartsAsync(notifications, backend, settings, timeProvider, @event.Logger, cancellationToken);
            });
    }

    private static async Task<ProvisioningReport> ProvisionAsync(AwsSettings aws, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        using var sqs = aws.CreateSqsClient();
        using var dynamoDb = aws.CreateDynamoDbClient();
        return await new AwsProvisioner(sqs, dynamoDb, timeProvider, logger).ProvisionAsync(cancellationToken);
    }

    /// <summary>Provisions again each time a backend resource that was down is healthy again.</summary>
    private static async Task ProvisionAfterRestartsAsync(
        ResourceNotificationService notifications, IReadOnlySet<string> backend, Func<AwsSettings> settings, TimeProvider timeProvider, ILogger logger, CancellationToken cancellationToken)
    {
        var down = new HashSet<string>();
        try
        {
            await foreach (var update in notifications.WatchAsync(cancellationToken))
            {
                var name = update.Resource.Name;
                if (!backend.Contains(name))
                {
                    continue;
                }
                var state = update.Snapshot.State?.Text;
                if (state == KnownResourceStates.Stopping || KnownResourceStates.TerminalStates.Contains(state))
                {
                    down.Add(name);
                }
                else if (state == KnownResourceStates.Running && update.Snapshot.HealthStatus == HealthStatus.Healthy && down.Remove(name))
                {
                    try
                    {
                        var report = await ProvisionAsync(settings(), timeProvider, logger, cancellationToken);
                        logger.LogWarning(
                            "{Resource} is back after a restart: provisioning ran again and created {Created} queues or tables (an emulator that keeps them in memory loses what they held)",
                            name, report.Created.Count);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        logger.LogError(ex, "Provisioning again after {Resource} restarted failed", name);
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}

/// <summary>The account lacks what GymIoT needs; the message says what and what to do.</summary>
public sealed class AwsNotReadyException(string message) : Exception(message);
