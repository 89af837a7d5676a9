using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;
using GymIoT.Core.Aws;
using GymIoT.Tests.Infrastructure;
using SqsAttribute = Amazon.SQS.Model.MessageAttributeValue;

namespace GymIoT.Tests.Platform;

/// <summary>Each AWS limit the guard stands in for: a request at the limit passes, one past it is refused with AWS's error code.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class AwsLimitGuardTests
{
    private static string? Code(AmazonWebServiceRequest request) => AwsLimitGuard.Violation(request)?.Code;

    private static SendMessageBatchRequest Batch(int entries, int bodyBytes = 10) => new()
    {
        QueueUrl = "q",
        Entries = [.. Enumerable.Range(0, entries).Select(i => new SendMessageBatchRequestEntry($"e{i}", new string('x', bodyBytes)))],
    };

    [Fact]
    public void A_send_batch_takes_ten_entries_and_one_mebibyte()
    {
        Assert.Null(Code(Batch(10)));
        Assert.Equal("TooManyEntriesInBatchRequest", Code(Batch(11)));
        Assert.Equal("EmptyBatchRequest", Code(Batch(0)));
        Assert.Null(Code(Batch(4, AwsLimits.SqsPayloadBytes / 4)));
        Assert.Equal("BatchRequestTooLong", Code(Batch(4, AwsLimits.SqsPayloadBytes / 4 + 1)));
    }

    [Fact]
    public void Batch_entry_ids_are_distinct_and_plain()
    {
        var twice = Batch(2);
        twice.Entries[1].Id = twice.Entries[0].Id;
        var spaced = Batch(1);
        spaced.Entries[0].Id = "an id";

        Assert.Equal("BatchEntryIdsNotDistinct", Code(twice));
        Assert.Equal("InvalidBatchEntryId", Code(spaced));
        Assert.Equal("TooManyEntriesInBatchRequest", Code(new DeleteMessageBatchRequest { QueueUrl = "q", Entries = [.. Enumerable.Range(0, 11).Select(i => new DeleteMessageBatchRequestEntry($"d{i}", "r"))] }));
    }

    [Fact]
    public void A_message_takes_ten_attributes_one_mebibyte_and_only_the_characters_aws_does()
    {
        Dictionary<string, SqsAttribute> Attributes(int count) =>
            Enumerable.Range(0, count).ToDictionary(i => $"a{i}", _ => new SqsAttribute { DataType = "String", StringValue = "v" });

        Assert.Null(Code(new SendMessageRequest("q", "{}") { MessageAttributes = Attributes(10) }));
        Assert.Equal("InvalidParameterValue", Code(new SendMessageRequest("q", "{}") { MessageAttributes = Attributes(11) }));
        Assert.Equal("InvalidParameterValue", Code(new SendMessageRequest("q", new string('x', AwsLimits.SqsPayloadBytes + 1))));
        Assert.Null(Code(new SendMessageRequest("q", "tab\tline\r\nemoji 🏋️ and accents àé")));
        Assert.Equal("InvalidMessageContents", Code(new SendMessageRequest("q", "nul \u0000 inside")));
        Assert.Equal("InvalidMessageContents", Code(new SendMessageRequest("q", "lone \ud800 surrogate")));
    }

    [Fact]
    public void Visibility_timeouts_end_at_twelve_hours_and_a_receive_takes_ten_messages_and_twenty_seconds()
    {
        Assert.Null(Code(new ChangeMessageVisibilityRequest("q", "r", AwsLimits.SqsMaxVisibilitySeconds)));
        Assert.Equal("InvalidParameterValue", Code(new ChangeMessageVisibilityRequest("q", "r", AwsLimits.SqsMaxVisibilitySeconds + 1)));
        Assert.Equal("InvalidParameterValue", Code(new ChangeMessageVisibilityBatchRequest("q", [new ChangeMessageVisibilityBatchRequestEntry("c", "r") { VisibilityTimeout = 43_201 }])));
        Assert.Null(Code(new ReceiveMessageRequest("q") { MaxNumberOfMessages = 10, WaitTimeSeconds = 20 }));
        Assert.Equal("InvalidParameterValue", Code(new ReceiveMessageRequest("q") { MaxNumberOfMessages = 11 }));
        Assert.Equal("InvalidParameterValue", Code(new ReceiveMessageRequest("q") { WaitTimeSeconds = 21 }));
    }

    [Fact]
    public void An_item_takes_400_kilobytes_names_included_and_no_empty_set()
    {
        Dictionary<string, AttributeValue> Item(int stringBytes) => new() { ["Id"] = new() { S = "k" }, ["Blob"] = new() { S = new string('x', stringBytes) } };
        var fits = AwsLimits.DynamoDbItemBytes - "Id".Length - 1 - "Blob".Length;

        Assert.Null(Code(new PutItemRequest("T", Item(fits))));
        Assert.Equal("ValidationException", Code(new PutItemRequest("T", Item(fits + 1))));
        Assert.Equal("ValidationException", Code(new PutItemRequest("T", new() { ["Id"] = new() { S = "k" }, ["Ids"] = new() { SS = [] } })));
        Assert.Equal("ValidationException", Code(new BatchWriteItemRequest(new() { ["T"] = [new WriteRequest(new PutRequest(Item(fits + 1)))] })));
    }

    [Fact]
    public void An_expression_takes_four_kilobytes_and_every_placeholder_given_must_be_used()
    {
        UpdateItemRequest Update(string expression, Dictionary<string, AttributeValue> values) =>
            new() { TableName = "T", Key = new() { ["Id"] = new() { S = "k" } }, UpdateExpression = expression, ExpressionAttributeValues = values };
        var values = new Dictionary<string, AttributeValue> { [":v"] = new() { N = "1" } };
        var longName = new string('a', AwsLimits.DynamoDbExpressionBytes);

        Assert.Null(Code(Update("SET A = :v", values)));
        Assert.Equal("ValidationException", Code(Update($"SET {longName} = :v", values)));
        Assert.Equal("ValidationException", Code(Update("SET A = :v", new() { [":v"] = new() { N = "1" }, [":unused"] = new() { N = "2" } })));
        Assert.Equal("ValidationException", Code(Update("SET A = :vv", values)));
        Assert.Equal("ValidationException", Code(Update("ADD Ids :v", new() { [":v"] = new() { SS = [] } })));
    }

    [Fact]
    public void Batches_of_keys_and_writes_and_query_limits_are_aws_s()
    {
        KeysAndAttributes Keys(int count) => new() { Keys = [.. Enumerable.Range(0, count).Select(i => new Dictionary<string, AttributeValue> { ["Id"] = new() { S = $"{i}" } })] };
        WriteRequest Delete(int i) => new(new DeleteRequest(new() { ["Id"] = new() { S = $"{i}" } }));

        Assert.Null(Code(new BatchGetItemRequest(new() { ["A"] = Keys(60), ["B"] = Keys(40) })));
        Assert.Equal("ValidationException", Code(new BatchGetItemRequest(new() { ["A"] = Keys(60), ["B"] = Keys(41) })));
        Assert.Null(Code(new BatchWriteItemRequest(new() { ["T"] = [.. Enumerable.Range(0, 25).Select(Delete)] })));
        Assert.Equal("ValidationException", Code(new BatchWriteItemRequest(new() { ["T"] = [.. Enumerable.Range(0, 26).Select(Delete)] })));
        // The SDK's analyzer refuses a constant 0 at build time; a computed one reaches the guard.
        var none = Keys(0).Keys.Count;
        Assert.Equal("ValidationException", Code(new QueryRequest("T") { KeyConditionExpression = "Id = :k", ExpressionAttributeValues = new() { [":k"] = new() { S = "k" } }, Limit = none }));
    }
}
