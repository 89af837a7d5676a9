using GymIoT.Core.Aws;
using GymIoT.Core.Provisioning;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GymIoT.AppHost.Backend;

public static class AwsProvisioningExtensions
{
    /// <summary>
    /// A resource that waits for the backend, provisions queues and tables idempotently, and then shows Finished
    /// (exit code 0) or FailedToStart with the reason in its log.
    /// </summary>
    public static IResourceBuilder<AwsProvisioningResource> AddAwsProvisioning(
        this IDistributedApplicationBuilder builder, string name, Func<AwsSettings> settings)
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

                try
                {
                    var aws = settings();
                    using var sqs = aws.CreateSqsClient();
                    using var dynamoDb = aws.CreateDynamoDbClient();
                    var report = await new AwsProvisioner(sqs, dynamoDb, timeProvider, @event.Logger).ProvisionAsync(cancellationToken);
                    await notifications.PublishUpdateAsync(resource, s => s with
                    {
                        State = KnownResourceStates.Finished,
                        ExitCode = 0,
                        StopTimeStamp = timeProvider.GetUtcNow().UtcDateTime,
                        Properties = [.. s.Properties, new("aws.provisioning.created", report.Created.Count), new("aws.provisioning.updated", report.Updated.Count)],
                    });
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    @event.Logger.LogError(ex, "AWS provisioning failed");
                    await notifications.PublishUpdateAsync(resource, s => s with
                    {
                        State = KnownResourceStates.FailedToStart,
                        ExitCode = 1,
                        StopTimeStamp = timeProvider.GetUtcNow().UtcDateTime,
                    });
                }
            });
    }
}
