using GymIoT.Core.Aws;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Security;

[Trait(TestKind.Category, TestKind.Unit)]
public sealed class ServiceAccessRulesTests
{
    [Fact]
    public void Each_service_may_look_up_the_queue_and_describe_the_table_its_health_checks_call()
    {
        foreach (var access in ServiceAccess.All)
        {
            Assert.True(access.AllowsSqs("GetQueueUrl", access.ProbeQueue), access.Service);
            Assert.True(access.AllowsDynamoDb("DescribeTable", access.ProbeTable), access.Service);
        }
    }

    [Fact]
    public void A_batch_needs_the_action_of_one_message_and_every_table_it_names()
    {
        var notifier = ServiceAccess.ErrorNotifier;

        Assert.True(notifier.AllowsSqs("DeleteMessageBatch", "Errors"));
        Assert.False(notifier.AllowsSqs("SendMessageBatch", "Errors"));
        Assert.False(notifier.AllowsSqs("ReceiveMessage", "Cyclette"));
        Assert.True(notifier.AllowsDynamoDb("BatchGetItem", "NotificationDeliveries"));
        Assert.False(notifier.AllowsDynamoDb("BatchGetItem", "Members,NotificationDeliveries"));
        Assert.False(notifier.AllowsDynamoDb("GetItem", ""));
    }

    [Fact]
    public void Requests_are_counted_by_the_queue_or_table_they_are_about()
    {
        Assert.Equal("Cyclette", AwsRequestMetrics.ResourceOf(new Amazon.SQS.Model.ReceiveMessageRequest("http://sqs.us-east-1.localhost:4566/000000000000/Cyclette")));
        Assert.Equal("Live-*", AwsRequestMetrics.ResourceOf(new Amazon.SQS.Model.SendMessageRequest("http://127.0.0.1:4566/000000000000/Live-0123456789ab", "{}")));
        Assert.Equal("Errors", AwsRequestMetrics.ResourceOf(new Amazon.SQS.Model.GetQueueUrlRequest("Errors")));
        Assert.Equal("A,B", AwsRequestMetrics.ResourceOf(new Amazon.DynamoDBv2.Model.BatchGetItemRequest(new() { ["B"] = new(), ["A"] = new() })));
        Assert.Equal("", AwsRequestMetrics.ResourceOf(new Amazon.SQS.Model.ListQueuesRequest()));
    }
}
