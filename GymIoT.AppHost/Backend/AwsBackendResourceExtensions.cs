namespace GymIoT.AppHost.Backend;

public static class AwsBackendResourceExtensions
{
    /// <summary>
    /// Gives a service the standard AWS SDK variables of the chosen backend and makes it wait until provisioning has finished.
    /// </summary>
    public static IResourceBuilder<T> WithAwsBackend<T>(this IResourceBuilder<T> service, AwsBackend backend)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        service.WithEnvironment("AWS_REGION", backend.Region);
        if (backend.SqsEndpoint is { } sqs && backend.DynamoDbEndpoint is { } dynamoDb)
        {
            service
                .WithEnvironment("AWS_ENDPOINT_URL_SQS", sqs)
                .WithEnvironment("AWS_ENDPOINT_URL_DYNAMODB", dynamoDb)
                .WithEnvironment("AWS_ACCESS_KEY_ID", AwsBackend.EmulatorCredential)
                .WithEnvironment("AWS_SECRET_ACCESS_KEY", AwsBackend.EmulatorCredential);
        }
        if (backend.Provisioning is { } provisioning)
        {
            service.WaitForCompletion(provisioning);
        }
        return service;
    }
}
