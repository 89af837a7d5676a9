using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Aws;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.Tests.Infrastructure;
using GymIoT.Core.Machines;

namespace GymIoT.Tests.Platform;

/// <summary>Every client of the emulators, the services' and the tests' alike, is built guarded: what AWS refuses never reaches an emulator that would take it.</summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class AwsLimitGuardWiringTests(PlatformFixture fixture)
{
    [Fact]
    public async Task An_eleven_message_batch_and_an_oversized_item_are_refused_as_aws_refuses_them()
    {
        using var sqs = fixture.Aws.CreateSqsClient();
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        var url = (await sqs.GetQueueUrlAsync(MachineCatalogue.Cyclette.Name)).QueueUrl;
        var before = await Depth(sqs, url);

        var batch = await Assert.ThrowsAsync<AmazonSQSException>(() => sqs.SendMessageBatchAsync(new SendMessageBatchRequest(url,
            [.. Enumerable.Range(0, 11).Select(i => new SendMessageBatchRequestEntry($"e{i}", "{\"guard\":true}"))])));
        var item = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => dynamoDb.PutItemAsync(new PutItemRequest(TableNames.Members, new()
        {
            ["MemberId"] = new() { S = $"guard-{Guid.NewGuid():N}"[..16] },
            ["Note"] = new() { S = new string('x', AwsLimits.DynamoDbItemBytes) },
        })));

        Assert.Equal(("TooManyEntriesInBatchRequest", System.Net.HttpStatusCode.BadRequest), (batch.ErrorCode, batch.StatusCode));
        Assert.Equal("ValidationException", item.ErrorCode);
        Assert.Equal(before, await Depth(sqs, url));
    }

    private static async Task<int> Depth(IAmazonSQS sqs, string url) =>
        (await sqs.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages"])).ApproximateNumberOfMessages;
}
