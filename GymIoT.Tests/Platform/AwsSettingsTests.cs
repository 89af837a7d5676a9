using GymIoT.Core.Aws;
using Microsoft.Extensions.Configuration;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class AwsSettingsTests
{
    private static AwsSettings Read(params (string Key, string Value)[] variables) =>
        AwsSettings.FromConfiguration(new ConfigurationBuilder()
            .AddInMemoryCollection(variables.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value)))
            .Build());

    [Fact]
    public void Service_specific_endpoints_win_over_the_shared_one()
    {
        var settings = Read(
            ("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"),
            ("AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"),
            ("AWS_REGION", "eu-south-1"));

        Assert.Equal(new Uri("http://127.0.0.1:4566"), settings.SqsEndpoint);
        Assert.Equal(new Uri("http://127.0.0.1:8000"), settings.DynamoDbEndpoint);
        Assert.Equal("eu-south-1", settings.Region);
    }

    [Fact]
    public void Without_variables_the_SDK_defaults_for_real_AWS_apply()
    {
        var settings = Read();

        Assert.Null(settings.SqsEndpoint);
        Assert.Null(settings.DynamoDbEndpoint);
        Assert.Null(settings.AccessKeyId);
        Assert.Equal(AwsSettings.DefaultRegion, settings.Region);
    }

    [Fact]
    public void An_endpoint_that_is_not_a_URL_is_a_clear_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Read(("AWS_ENDPOINT_URL_SQS", "localhost-4566")));

        Assert.Contains("AWS_ENDPOINT_URL_SQS", error.Message);
    }

    [Fact]
    public void Clients_call_the_configured_endpoint()
    {
        var settings = Read(("AWS_ENDPOINT_URL", "http://127.0.0.1:4566"), ("AWS_ACCESS_KEY_ID", "test"), ("AWS_SECRET_ACCESS_KEY", "test"));

        using var sqs = settings.CreateSqsClient();
        using var dynamoDb = settings.CreateDynamoDbClient();

        Assert.Equal("http://127.0.0.1:4566/", sqs.Config.ServiceURL);
        Assert.Equal("http://127.0.0.1:4566/", dynamoDb.Config.ServiceURL);
    }
}
