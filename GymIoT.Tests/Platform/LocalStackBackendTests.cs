using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using GymIoT.AppHost.Backend;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>LocalStack needs Docker, which does not run here: these tests check the app model it produces without starting it.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class LocalStackBackendTests
{
    private static async Task<IDistributedApplicationTestingBuilder> LocalStackAppHostAsync() =>
        await DistributedApplicationTestingBuilder.CreateAsync<Projects.GymIoT_AppHost>(
            ["--Aws:Backend=LocalStack", "--Parameters:localstack-auth-token=test-token-not-a-secret"]);

    [Fact]
    public async Task LocalStack_runs_SQS_and_DynamoDB_on_port_4566_with_its_health_endpoint()
    {
        await using var appHost = await LocalStackAppHostAsync();

        var localStack = Assert.IsType<ContainerResource>(appHost.Resources.Single(r => r.Name == "localstack"));

        Assert.Equal(LocalStackBackendExtensions.Image, localStack.Annotations.OfType<ContainerImageAnnotation>().Single().Image);
        var endpoint = localStack.Annotations.OfType<EndpointAnnotation>().Single();
        Assert.Equal(4566, endpoint.TargetPort);
        Assert.Contains(localStack.Annotations.OfType<HealthCheckAnnotation>(), h => h.Key.Contains("_localstack/health"));

        var environment = await ResourceEnvironment.OfAsync(localStack);
        Assert.Equal("sqs,dynamodb", environment["SERVICES"]);
        Assert.Equal("{localstack-auth-token.value}", environment["LOCALSTACK_AUTH_TOKEN"]);
    }

    [Theory]
    [InlineData("aggregator")]
    [InlineData("device-simulator")]
    public async Task Services_reach_LocalStack_through_the_standard_AWS_variables_after_provisioning(string service)
    {
        await using var appHost = await LocalStackAppHostAsync();
        var project = appHost.Resources.Single(r => r.Name == service);

        var environment = await ResourceEnvironment.OfAsync(project);

        Assert.Equal("{localstack.bindings.http.url}", environment["AWS_ENDPOINT_URL_SQS"]);
        Assert.Equal("{localstack.bindings.http.url}", environment["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.Equal("us-east-1", environment["AWS_REGION"]);
        Assert.Equal("test", environment["AWS_ACCESS_KEY_ID"]);
        var waits = project.Annotations.OfType<WaitAnnotation>().ToList();
        Assert.Contains(waits, w => w.Resource.Name == "aws-provisioning" && w.WaitType == WaitType.WaitForCompletion);
    }

    [Fact]
    public async Task On_real_AWS_services_get_the_region_and_no_endpoint_or_key()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.GymIoT_AppHost>(["--Aws:Backend=Aws", "--Aws:Region=eu-south-1"]);

        var environment = await ResourceEnvironment.OfAsync(appHost.Resources.Single(r => r.Name == "aggregator"));

        Assert.Equal("eu-south-1", environment["AWS_REGION"]);
        Assert.False(environment.ContainsKey("AWS_ENDPOINT_URL_SQS"));
        Assert.False(environment.ContainsKey("AWS_ACCESS_KEY_ID"));
    }

    [Fact]
    public async Task LocalStack_replaces_every_embedded_emulator()
    {
        await using var appHost = await LocalStackAppHostAsync();

        var names = appHost.Resources.Select(r => r.Name).ToHashSet();

        Assert.Contains("aws-provisioning", names);
        Assert.DoesNotContain("sqs", names);
        Assert.DoesNotContain("dynamodb", names);
        Assert.DoesNotContain("maildev", names);
    }

    [Fact]
    public async Task Real_AWS_has_no_emulator_and_no_provisioning()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.GymIoT_AppHost>(["--Aws:Backend=Aws"]);

        var names = appHost.Resources.Select(r => r.Name).ToHashSet();

        Assert.DoesNotContain("localstack", names);
        Assert.DoesNotContain("sqs", names);
        Assert.DoesNotContain("aws-provisioning", names);
    }
}
