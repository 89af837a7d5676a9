using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using GymIoT.Core.Aws;
using GymIoT.TestSupport;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>The AppHost on <c>Aws:Backend=Aws</c> where nothing can work: it says why in one line, and no service starts half-blind.</summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
public sealed class RealAwsBackendTests
{
    [Fact]
    public async Task Without_credentials_the_aws_check_fails_in_one_line_that_says_what_to_do_and_no_service_starts()
    {
        // No credentials anywhere the SDK looks: no keys, no profile files, no instance metadata.
        string[] cleared = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"];
        var saved = cleared.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        var none = Path.Combine(Path.GetTempPath(), $"gymiot-no-aws-{Guid.NewGuid():N}");
        string[] pointedAway = ["AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE", "AWS_EC2_METADATA_DISABLED"];
        foreach (var name in pointedAway)
        {
            saved[name] = Environment.GetEnvironmentVariable(name);
        }
        try
        {
            foreach (var name in cleared)
            {
                Environment.SetEnvironmentVariable(name, null);
            }
            Environment.SetEnvironmentVariable("AWS_SHARED_CREDENTIALS_FILE", none);
            Environment.SetEnvironmentVariable("AWS_CONFIG_FILE", none);
            Environment.SetEnvironmentVariable("AWS_EC2_METADATA_DISABLED", "true");
            using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.GymIoT_AppHost>(
                ["--Aws:Backend=Aws", "--Aws:Region=eu-south-1", "--GymIoT:Simulator=false", "--DcpPublisher:WaitForResourceCleanup=false"], cancellation.Token);
            await using var app = await appHost.BuildAsync(cancellation.Token);
            await app.StartAsync(cancellation.Token);

            var check = await app.ResourceNotifications.WaitForResourceAsync(
                "aws-check", e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), cancellation.Token);
            var log = await app.TailAsync("aws-check");

            Assert.Equal(KnownResourceStates.FailedToStart, check.Snapshot.State?.Text);
            var line = Assert.Single(log, l => l.Contains("No AWS credentials", StringComparison.Ordinal));
            Assert.Contains("aws configure", line, StringComparison.Ordinal);
            Assert.DoesNotContain(log, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
            Assert.True(app.ResourceNotifications.TryGetCurrentState("aggregator", out var aggregator));
            // The services wait for the check, so they never run against an account they cannot use.
            Assert.Equal(KnownResourceStates.FailedToStart, aggregator.Snapshot.State?.Text);
        }
        finally
        {
            foreach (var (name, value) in saved)
            {
                Environment.SetEnvironmentVariable(name, value);
            }
        }
    }
}
