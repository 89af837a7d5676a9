using System.Text.Json.Nodes;
using Amazon.SQS;
using GymIoT.Core.Live;
using GymIoT.Core.Queues;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Security;

/// <summary>
/// The queue each running dashboard makes for its live notices. The deploy stack's queues were encrypted and reachable
/// over TLS only; the dashboards' own were neither.
/// </summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(PipelineCollection.Name)]
public sealed class LiveQueuePolicyTests(PipelineFixture fixture)
{
    [Fact]
    public async Task A_dashboards_live_queue_is_encrypted_and_refuses_every_request_without_TLS()
    {
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        using var sqs = fixture.Aws.CreateSqsClient();
        var listener = (await Eventually.ValueAsync(() => new LiveListenerStore(dynamoDb).AllAsync(DateTimeOffset.UtcNow), l => l.Count > 0, TimeSpan.FromSeconds(30)))[0];

        var attributes = await sqs.GetQueueAttributesAsync(listener.QueueUrl, [QueueAttributeName.Policy, QueueAttributeName.SqsManagedSseEnabled, QueueAttributeName.QueueArn]);

        Assert.Equal("true", attributes.Attributes[QueueAttributeName.SqsManagedSseEnabled]);
        var statement = Assert.Single(JsonNode.Parse(attributes.Policy)!["Statement"]!.AsArray())!;
        Assert.Equal(attributes.QueueARN, statement["Resource"]!.GetValue<string>());
        TlsOnlyPolicy.AssertIsOne(statement);
    }
}
