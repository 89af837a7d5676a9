using GymIoT.AppHost.Backend;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class AwsBackendChoiceTests
{
    [Fact]
    public void Auto_without_a_LocalStack_token_runs_embedded_without_asking_Docker()
    {
        var choice = AwsBackendChoice.Decide(AwsBackendKind.Auto, () => throw new InvalidOperationException("Docker asked"), hasLocalStackAuthToken: false);

        Assert.Equal(AwsBackendKind.Embedded, choice.Kind);
        Assert.Contains("auth token", choice.Reason);
    }

    [Fact]
    public void Auto_without_Docker_runs_embedded()
    {
        var choice = AwsBackendChoice.Decide(AwsBackendKind.Auto, () => false, hasLocalStackAuthToken: true);

        Assert.Equal(AwsBackendKind.Embedded, choice.Kind);
        Assert.Contains("docker info", choice.Reason);
    }

    [Fact]
    public void Auto_with_Docker_and_a_token_runs_LocalStack()
    {
        var choice = AwsBackendChoice.Decide(AwsBackendKind.Auto, () => true, hasLocalStackAuthToken: true);

        Assert.Equal(AwsBackendKind.LocalStack, choice.Kind);
    }

    [Theory]
    [InlineData(AwsBackendKind.Embedded)]
    [InlineData(AwsBackendKind.LocalStack)]
    [InlineData(AwsBackendKind.Aws)]
    public void An_explicit_backend_is_taken_as_asked(AwsBackendKind requested)
    {
        var choice = AwsBackendChoice.Decide(requested, () => false, hasLocalStackAuthToken: false);

        Assert.Equal(requested, choice.Kind);
    }
}
