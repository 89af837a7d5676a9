using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace GymIoT.Core.Aws;

/// <summary>
/// Refuses, before it is sent, a request that AWS would refuse and an emulator might take (<see cref="AwsLimits"/>): fauxqs
/// takes any batch size, dynalite's limits differ. The refusal is the exception AWS answers with (a 400 with AWS's error
/// code), so the code under it takes the path it would take on AWS. On for every client of an emulator.
/// </summary>
public static partial class AwsLimitGuard
{
    public static TClient Guard<TClient>(TClient client) where TClient : AmazonServiceClient
    {
        client.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs { Request: { } request } && Violation(request) is { } refusal)
            {
                throw request is AmazonSQSRequest
                    ? new AmazonSQSException(refusal.Message, ErrorType.Sender, refusal.Code, null, HttpStatusCode.BadRequest)
                    : new AmazonDynamoDBException(refusal.Message, ErrorType.Sender, refusal.Code, null, HttpStatusCode.BadRequest);
            }
        };
        return client;
    }

    /// <returns>AWS's error code and why it would refuse the request, or null when it would take it.</returns>
    public static (string Code, string Message)? Violation(AmazonWebServiceRequest request) => request switch
    {
        SendMessageBatchRequest send => Entries("SendMessageBatch", send.Entries?.Select(e => e.Id).ToList())
            ?? send.Entries!.Select(e => Message(e.MessageBody, e.MessageAttributes, e.DelaySeconds)).FirstOrDefault(v => v is not null)
            ?? (send.Entries!.Sum(e => PayloadBytes(e.MessageBody, e.MessageAttributes)) is var total and > AwsLimits.SqsPayloadBytes
                ? ("BatchRequestTooLong", $"The batch's messages come to {total:N0} bytes; AWS takes at most {AwsLimits.SqsPayloadBytes:N0}.")
                : null),
        SendMessageRequest send => Message(send.MessageBody, send.MessageAttributes, send.DelaySeconds),
        DeleteMessageBatchRequest delete => Entries("DeleteMessageBatch", delete.Entries?.Select(e => e.Id).ToList()),
        ChangeMessageVisibilityBatchRequest change => Entries("ChangeMessageVisibilityBatch", change.Entries?.Select(e => e.Id).ToList())
            ?? change.Entries!.Select(e => Visibility(e.VisibilityTimeout)).FirstOrDefault(v => v is not null),
        ChangeMessageVisibilityRequest change => Visibility(change.VisibilityTimeout),
        ReceiveMessageRequest receive =>
            receive.MaxNumberOfMessages is < 1 or > AwsLimits.SqsMaxReceiveMessages
                ? Invalid($"MaxNumberOfMessages is {receive.MaxNumberOfMessages}; AWS takes 1 to {AwsLimits.SqsMaxReceiveMessages}.")
                : receive.WaitTimeSeconds is < 0 or > AwsLimits.SqsMaxWaitSeconds
                    ? Invalid($"WaitTimeSeconds is {receive.WaitTimeSeconds}; AWS takes 0 to {AwsLimits.SqsMaxWaitSeconds}.")
                    : Visibility(receive.VisibilityTimeout),
        PutItemRequest put => Item(put.Item) ?? Expressions(put.ExpressionAttributeNames, put.ExpressionAttributeValues, put.ConditionExpression),
        UpdateItemRequest update => Expressions(update.ExpressionAttributeNames, update.ExpressionAttributeValues, update.UpdateExpression, update.ConditionExpression)
            ?? Values(update.ExpressionAttributeValues?.Values),
        DeleteItemRequest delete => Expressions(delete.ExpressionAttributeNames, delete.ExpressionAttributeValues, delete.ConditionExpression),
        GetItemRequest get => Expressions(get.ExpressionAttributeNames, null, get.ProjectionExpression),
        QueryRequest query => query.Limit is < 1
            ? DynamoDbInvalid($"Limit is {query.Limit}; AWS takes at least 1.")
            : Expressions(query.ExpressionAttributeNames, query.ExpressionAttributeValues, query.KeyConditionExpression, query.FilterExpression, query.ProjectionExpression),
        ScanRequest scan => scan.Limit is < 1
            ? DynamoDbInvalid($"Limit is {scan.Limit}; AWS takes at least 1.")
            : Expressions(scan.ExpressionAttributeNames, scan.ExpressionAttributeValues, scan.FilterExpression, scan.ProjectionExpression),
        BatchGetItemRequest get => (get.RequestItems?.Values.Sum(k => k.Keys?.Count ?? 0) ?? 0) is var keys and (> AwsLimits.DynamoDbBatchGetKeys or 0)
            ? DynamoDbInvalid($"BatchGetItem asks for {keys} keys; AWS takes 1 to {AwsLimits.DynamoDbBatchGetKeys}.")
            : null,
        BatchWriteItemRequest write => (write.RequestItems?.Values.Sum(r => r.Count) ?? 0) is var writes and (> AwsLimits.DynamoDbBatchWriteRequests or 0)
            ? DynamoDbInvalid($"BatchWriteItem holds {writes} requests; AWS takes 1 to {AwsLimits.DynamoDbBatchWriteRequests}.")
            : write.RequestItems!.Values.SelectMany(r => r).Select(r => r.PutRequest is { } p ? Item(p.Item) : null).FirstOrDefault(v => v is not null),
        TransactWriteItemsRequest transaction => transaction.TransactItems?.Count is null or 0 or > AwsLimits.DynamoDbTransactionItems
            ? DynamoDbInvalid($"TransactWriteItems holds {transaction.TransactItems?.Count ?? 0} actions; AWS takes 1 to {AwsLimits.DynamoDbTransactionItems}.")
            : null,
        _ => null,
    };

    private static (string, string)? Entries(string operation, List<string>? ids) =>
        ids is null || ids.Count == 0
            ? ("EmptyBatchRequest", $"A {operation} needs at least one entry.")
            : ids.Count > AwsLimits.SqsBatchEntries
                ? ("TooManyEntriesInBatchRequest", $"A {operation} holds {ids.Count} entries; AWS takes at most {AwsLimits.SqsBatchEntries}.")
                : ids.Distinct().Count() != ids.Count
                    ? ("BatchEntryIdsNotDistinct", $"Two entries of a {operation} have the same id.")
                    : ids.FirstOrDefault(id => string.IsNullOrEmpty(id) || id.Length > AwsLimits.SqsBatchEntryIdLength || !BatchEntryId().IsMatch(id)) is { } bad
                        ? ("InvalidBatchEntryId", $"The batch entry id '{bad}' is not 1 to {AwsLimits.SqsBatchEntryIdLength} letters, digits, hyphens or underscores.")
                        : null;

    private static (string, string)? Message(string? body, Dictionary<string, Amazon.SQS.Model.MessageAttributeValue>? attributes, int? delaySeconds) =>
        string.IsNullOrEmpty(body)
            ? Invalid("A message needs a body.")
            : !IsSqsMessageText(body)
                ? ("InvalidMessageContents", "The message body holds a character AWS does not take (control characters other than tab and line breaks, U+FFFE, U+FFFF, lone surrogates).")
                : (attributes?.Count ?? 0) > AwsLimits.SqsMessageAttributes
                    ? Invalid($"A message carries {attributes!.Count} attributes; AWS takes at most {AwsLimits.SqsMessageAttributes}.")
                    : PayloadBytes(body, attributes) is var bytes and > AwsLimits.SqsPayloadBytes
                        ? Invalid($"The message comes to {bytes:N0} bytes; AWS takes at most {AwsLimits.SqsPayloadBytes:N0}.")
                        : delaySeconds is < 0 or > AwsLimits.SqsMaxDelaySeconds
                            ? Invalid($"DelaySeconds is {delaySeconds}; AWS takes 0 to {AwsLimits.SqsMaxDelaySeconds}.")
                            : null;

    private static (string, string)? Visibility(int? seconds) =>
        seconds is < 0 or > AwsLimits.SqsMaxVisibilitySeconds
            ? Invalid($"The visibility timeout is {seconds} s; AWS takes 0 to {AwsLimits.SqsMaxVisibilitySeconds} s.")
            : null;

    private static (string, string) Invalid(string message) => ("InvalidParameterValue", message);

    private static (string, string) DynamoDbInvalid(string message) => ("ValidationException", message);

    /// <summary>True when every character of <paramref name="body"/> is one SQS takes: tab, line breaks, U+0020–U+D7FF, U+E000–U+FFFD and U+10000 up, no lone surrogate.</summary>
    public static bool IsSqsMessageText(string body)
    {
        var rest = body.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != System.Buffers.OperationStatus.Done
                || rune.Value is not (0x9 or 0xA or 0xD or (>= 0x20 and <= 0xD7FF) or (>= 0xE000 and <= 0xFFFD) or >= 0x10000))
            {
                return false;
            }
            rest = rest[used..];
        }
        return true;
    }

    /// <summary>Body plus each attribute's name, data type and value, as SQS counts a message's size.</summary>
    private static long PayloadBytes(string? body, Dictionary<string, Amazon.SQS.Model.MessageAttributeValue>? attributes) =>
        Encoding.UTF8.GetByteCount(body ?? "")
        + (attributes ?? []).Sum(a => Encoding.UTF8.GetByteCount(a.Key) + Encoding.UTF8.GetByteCount(a.Value.DataType ?? "")
            + Encoding.UTF8.GetByteCount(a.Value.StringValue ?? "") + (a.Value.BinaryValue?.Length ?? 0));

    private static (string, string)? Item(Dictionary<string, AttributeValue>? item) =>
        item is null
            ? null
            : ItemSize.Of(item) is var size and > AwsLimits.DynamoDbItemBytes
                ? DynamoDbInvalid($"The item comes to {size:N0} bytes; AWS takes at most {AwsLimits.DynamoDbItemBytes:N0}.")
                : Values(item.Values);

    /// <summary>Sets may not be empty on AWS.</summary>
    private static (string, string)? Values(IEnumerable<AttributeValue>? values) =>
        values?.Any(IsEmptySet) == true ? DynamoDbInvalid("A set attribute value is empty; AWS takes no empty set.") : null;

    private static bool IsEmptySet(AttributeValue value) =>
        value.SS is { Count: 0 } || value.NS is { Count: 0 } || value.BS is { Count: 0 }
        || (value.L?.Any(IsEmptySet) ?? false) || (value.M?.Values.Any(IsEmptySet) ?? false);

    /// <summary>Each expression at most 4 KB, and every name and value placeholder given is used by one (AWS refuses unused ones).</summary>
    private static (string, string)? Expressions(Dictionary<string, string>? names, Dictionary<string, AttributeValue>? values, params string?[] expressions)
    {
        if (expressions.FirstOrDefault(e => e is not null && Encoding.UTF8.GetByteCount(e) > AwsLimits.DynamoDbExpressionBytes) is { } tooLong)
        {
            return DynamoDbInvalid($"An expression comes to {Encoding.UTF8.GetByteCount(tooLong):N0} bytes; AWS takes at most {AwsLimits.DynamoDbExpressionBytes:N0}.");
        }
        if ((names?.Count ?? 0) + (values?.Count ?? 0) == 0)
        {
            return null;
        }
        // One scan per expression: a placeholder is used when it appears as a whole token (#name, :value).
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var expression in expressions)
        {
            foreach (var token in Placeholder().EnumerateMatches(expression ?? ""))
            {
                used.Add(expression!.Substring(token.Index, token.Length));
            }
        }
        var placeholders = (names?.Keys ?? Enumerable.Empty<string>()).Concat(values?.Keys ?? Enumerable.Empty<string>());
        return placeholders.FirstOrDefault(p => !used.Contains(p)) is { } unused
            ? DynamoDbInvalid($"The placeholder {unused} is given but no expression uses it.")
            : Values(values?.Values);
    }

    [GeneratedRegex("[#:][A-Za-z0-9_]+")]
    private static partial Regex Placeholder();

    [GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial Regex BatchEntryId();
}
