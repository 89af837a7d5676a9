using Amazon.DynamoDBv2;
using Amazon.Runtime;
using Amazon.SQS;
using Microsoft.Extensions.Configuration;

namespace GymIoT.Core.Aws;

/// <summary>
/// Where the AWS services are, read from the AWS SDK's standard variables so a service never knows which backend runs:
/// <c>AWS_REGION</c>, <c>AWS_ENDPOINT_URL</c> or <c>AWS_ENDPOINT_URL_SQS</c> / <c>AWS_ENDPOINT_URL_DYNAMODB</c>,
/// <c>AWS_ACCESS_KEY_ID</c> / <c>AWS_SECRET_ACCESS_KEY</c>. Without endpoints and keys the SDK's defaults apply (real AWS).
/// </summary>
public sealed record AwsSettings(string Region, Uri? SqsEndpoint, Uri? DynamoDbEndpoint, string? AccessKeyId, string? SecretAccessKey)
{
    public const string DefaultRegion = "us-east-1";

    public static AwsSettings FromConfiguration(IConfiguration configuration)
    {
        var shared = Endpoint(configuration, "AWS_ENDPOINT_URL");
        return new AwsSettings(
            Region: NonEmpty(configuration["AWS_REGION"]) ?? NonEmpty(configuration["AWS_DEFAULT_REGION"]) ?? DefaultRegion,
            SqsEndpoint: Endpoint(configuration, "AWS_ENDPOINT_URL_SQS") ?? shared,
            DynamoDbEndpoint: Endpoint(configuration, "AWS_ENDPOINT_URL_DYNAMODB") ?? shared,
            AccessKeyId: NonEmpty(configuration["AWS_ACCESS_KEY_ID"]),
            SecretAccessKey: NonEmpty(configuration["AWS_SECRET_ACCESS_KEY"]));
    }

    public AmazonSQSClient CreateSqsClient()
    {
        var config = new AmazonSQSConfig();
        Configure(config, SqsEndpoint);
        return Guarded(Credentials() is { } credentials ? new AmazonSQSClient(credentials, config) : new AmazonSQSClient(config), SqsEndpoint);
    }

    public AmazonDynamoDBClient CreateDynamoDbClient()
    {
        var config = new AmazonDynamoDBConfig();
        Configure(config, DynamoDbEndpoint);
        return Guarded(Credentials() is { } credentials ? new AmazonDynamoDBClient(credentials, config) : new AmazonDynamoDBClient(config), DynamoDbEndpoint);
    }

    /// <summary>A client of an emulator refuses what AWS would (<see cref="AwsLimitGuard"/>); AWS itself needs no stand-in.</summary>
    private static TClient Guarded<TClient>(TClient client, Uri? endpoint) where TClient : AmazonServiceClient =>
        endpoint is null ? client : AwsLimitGuard.Guard(client);

    private void Configure(ClientConfig config, Uri? endpoint)
    {
        if (endpoint is null)
        {
            config.RegionEndpoint = Amazon.RegionEndpoint.GetBySystemName(Region);
            return;
        }
        config.ServiceURL = endpoint.ToString();
        config.AuthenticationRegion = Region;
    }

    private AWSCredentials? Credentials() =>
        AccessKeyId is not null && SecretAccessKey is not null ? new BasicAWSCredentials(AccessKeyId, SecretAccessKey) : null;

    private static Uri? Endpoint(IConfiguration configuration, string key) =>
        NonEmpty(configuration[key]) is { } value
            ? Uri.TryCreate(value, UriKind.Absolute, out var uri)
                ? uri
                : throw new InvalidOperationException($"{key} must be an absolute URL, but is '{value}'.")
            : null;

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
