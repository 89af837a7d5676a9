using GymIoT.Core.Aws;

namespace GymIoT.AppHost.Backend;

/// <summary>
/// The AWS backend the services use: the standard AWS SDK variables each service receives,
/// and the provisioning (or, on an AWS account the AppHost does not provision, the check) every service waits for.
/// </summary>
public sealed class AwsBackend(string region)
{
    public string Region { get; } = region;

    public EndpointReference? SqsEndpoint { get; init; }

    public EndpointReference? DynamoDbEndpoint { get; init; }

    public IResourceBuilder<AwsProvisioningResource>? Provisioning { get; init; }

    /// <summary>The SMTP catcher of the embedded backend, if it runs.</summary>
    public IResourceBuilder<ExecutableResource>? MailCatcher { get; init; }

    /// <summary>The database GUI of the embedded backend, if it runs.</summary>
    public IResourceBuilder<ExecutableResource>? DatabaseAdmin { get; init; }

    /// <summary>Emulators take any key; <c>test</c> is the value LocalStack documents.</summary>
    public const string EmulatorCredential = "test";

    public static AwsSettings EmulatorSettings(string region, EndpointReference sqs, EndpointReference dynamoDb) =>
        new(region, new Uri(sqs.Url), new Uri(dynamoDb.Url), EmulatorCredential, EmulatorCredential);
}
