using GymIoT.Core.Aws;
using GymIoT.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GymIoT.Tests.Security;

/// <summary>
/// The running system's services send AWS only what their task roles on AWS will grant (<see cref="ServiceAccess"/>): each
/// request they sent while the collection's tests ran, by operation and queue or table.
/// </summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(PipelineCollection.Name)]
public sealed class ServiceAccessTests(PipelineFixture fixture, ITestOutputHelper output)
{
    /// <summary>The services of the collection; the notifier's requests are held to its grants in the notifier drill.</summary>
    private static readonly string[] Services = ["aggregator", "coach", "dashboard", "device-simulator"];

    [Fact]
    public async Task Every_request_a_running_service_sends_is_one_its_role_grants()
    {
        // A reading through the whole pipeline, so every service has work to do; then each exports its counts (every
        // minute, the dashboard every second).
        await fixture.SendBurstAsync(new DeviceSimulator.BurstRequest(4, FaultRate: 0.5));
        var exported = await Eventually.ValueAsync(
            () => Task.FromResult(Services.Where(s => AwsAccessAudit.Requests(fixture.Telemetry, s, AwsAccessAudit.SqsRequests).Count > 0
                && AwsAccessAudit.Requests(fixture.Telemetry, s, AwsAccessAudit.DynamoDbRequests).Count > 0).ToList()),
            ready => ready.Count == Services.Length, TimeSpan.FromSeconds(90));
        Assert.Equal(Services, exported);
        Assert.Contains(("ReceiveMessage", "Cyclette"), AwsAccessAudit.Requests(fixture.Telemetry, "aggregator", AwsAccessAudit.SqsRequests));

        foreach (var service in Services)
        {
            output.WriteLine($"{service}: " + string.Join(", ", AwsAccessAudit.Requests(fixture.Telemetry, service, AwsAccessAudit.SqsRequests)
                .Concat(AwsAccessAudit.Requests(fixture.Telemetry, service, AwsAccessAudit.DynamoDbRequests)).Select(r => $"{r.Operation} {r.Resource}")));
        }
        var violations = Services.SelectMany(s => AwsAccessAudit.Violations(fixture.Telemetry, s)).ToList();

        Assert.True(violations.Count == 0, "Requests no grant allows:\n" + string.Join("\n", violations));
    }

}
