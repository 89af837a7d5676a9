using System.Diagnostics.Metrics;
using Amazon.Runtime;
using GymIoT.Core.Queues;
using GymIoT.Core.Telemetry;
using Dynamo = Amazon.DynamoDBv2.Model;
using Sqs = Amazon.SQS.Model;

namespace GymIoT.Core.Aws;

/// <summary>
/// Counts every request a service's AWS clients send, by operation and by the queue or table it is about:
/// <c>gymiot.dynamodb.requests</c> and <c>gymiot.sqs.requests</c>, so the cost of a page or a batch in AWS calls can be read
/// from the service's own metrics, and what a service does can be held to what its role grants (<see cref="ServiceAccess"/>).
/// </summary>
public sealed class AwsRequestMetrics(ServiceTelemetry telemetry)
{
    /// <summary>Counts the requests of <paramref name="client"/> from now on, as <c>gymiot.{service}.requests</c>; returns it.</summary>
    public TClient Observe<TClient>(TClient client, string service) where TClient : AmazonServiceClient
    {
        var requests = telemetry.Meter.CreateCounter<long>($"gymiot.{service}.requests", "{request}", $"Requests sent to {service} (or its emulator), by operation and resource.");
        client.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs { Request: { } request })
            {
                requests.Add(1,
                    new KeyValuePair<string, object?>("aws.operation", OperationOf(request)),
                    new KeyValuePair<string, object?>("aws.resource", ResourceOf(request)));
            }
        };
        return client;
    }

    public static string OperationOf(AmazonWebServiceRequest request)
    {
        var operation = request.GetType().Name;
        return operation.EndsWith("Request", StringComparison.Ordinal) ? operation[..^"Request".Length] : operation;
    }

    /// <summary>
    /// The queue or table a request is about (tables joined by commas for a batch across tables); every dashboard's own live
    /// queue as <c>Live-*</c>; empty for a request about none.
    /// </summary>
    public static string ResourceOf(AmazonWebServiceRequest request) => request switch
    {
        Sqs.GetQueueUrlRequest r => Queue(r.QueueName),
        Sqs.CreateQueueRequest r => Queue(r.QueueName),
        Sqs.SendMessageRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.SendMessageBatchRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.ReceiveMessageRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.DeleteMessageRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.DeleteMessageBatchRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.ChangeMessageVisibilityRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.ChangeMessageVisibilityBatchRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.GetQueueAttributesRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.SetQueueAttributesRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.DeleteQueueRequest r => QueueOfUrl(r.QueueUrl),
        Sqs.PurgeQueueRequest r => QueueOfUrl(r.QueueUrl),
        Dynamo.GetItemRequest r => r.TableName,
        Dynamo.PutItemRequest r => r.TableName,
        Dynamo.UpdateItemRequest r => r.TableName,
        Dynamo.DeleteItemRequest r => r.TableName,
        Dynamo.QueryRequest r => r.TableName,
        Dynamo.ScanRequest r => r.TableName,
        Dynamo.DescribeTableRequest r => r.TableName,
        Dynamo.CreateTableRequest r => r.TableName,
        Dynamo.BatchGetItemRequest r => string.Join(",", (r.RequestItems?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal)),
        Dynamo.BatchWriteItemRequest r => string.Join(",", (r.RequestItems?.Keys ?? Enumerable.Empty<string>()).Order(StringComparer.Ordinal)),
        _ => "",
    } ?? "";

    private static string QueueOfUrl(string? url) => Queue(url?[(url.LastIndexOf('/') + 1)..]);

    private static string Queue(string? name) =>
        name is null ? "" : name.StartsWith(QueueNames.LivePrefix, StringComparison.Ordinal) ? QueueNames.LivePrefix + "*" : name;
}
