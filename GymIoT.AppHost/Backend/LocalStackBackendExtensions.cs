namespace GymIoT.AppHost.Backend;

public static class LocalStackBackendExtensions
{
    public const string Image = "localstack/localstack";
    public const int EdgePort = 4566;

    /// <summary>
    /// LocalStack in Docker serving SQS and DynamoDB on one endpoint. Its image needs a LocalStack auth token,
    /// given as the secret parameter <c>localstack-auth-token</c> and never committed.
    /// </summary>
    public static AwsBackend AddLocalStackAwsBackend(this IDistributedApplicationBuilder builder, string region)
    {
        var authToken = builder.AddParameter("localstack-auth-token", secret: true);

        var localStack = builder.AddContainer("localstack", Image)
            .WithHttpEndpoint(port: EdgePort, targetPort: EdgePort)
            .WithEnvironment("SERVICES", "sqs,dynamodb")
            .WithEnvironment("LOCALSTACK_AUTH_TOKEN", authToken)
            .WithEnvironment("AWS_DEFAULT_REGION", region)
            .WithHttpHealthCheck("/_localstack/health")
            .WithUrlForEndpoint("http", url => url.DisplayText = "LocalStack");
        var endpoint = localStack.GetEndpoint("http");

        var provisioning = builder.AddAwsProvisioning("aws-provisioning", () => AwsBackend.EmulatorSettings(region, endpoint, endpoint))
            .WaitFor(localStack);

        return new AwsBackend(region)
        {
            SqsEndpoint = endpoint,
            DynamoDbEndpoint = endpoint,
            Provisioning = provisioning,
        };
    }
}
