using System.Globalization;
using System.Xml.Linq;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace GymIoT.Dashboard.Security;

/// <summary>
/// Keeps the Data Protection key ring in DynamoDB (<see cref="TableNames.DataProtectionKeys"/>): session cookies survive a
/// restart of the dashboard, and every replica reads the cookies the others wrote.
/// </summary>
public sealed class DynamoDbXmlRepository(IAmazonDynamoDB dynamoDb) : IDeletableXmlRepository
{
    private const string Xml = "Xml";

    /// <summary>The item a replica holds while it makes the ring's first key (<see cref="KeyRingSeed"/>); it has no XML.</summary>
    private const string Claim = "#first-key-claim";
    private const string Holder = "Holder";
    private const string Until = "Until";

    // Data Protection asks synchronously, rarely (at start and when the ring is refreshed).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. dynamoDb.ScanAllAsync(new ScanRequest { TableName = TableNames.DataProtectionKeys, ConsistentRead = true })
            .GetAwaiter().GetResult()
            .Where(item => item.ContainsKey(Xml))
            .Select(item => XElement.Parse(item[Xml].S))];

    /// <summary>Deletes the entries <paramref name="chooseElements"/> gives a deletion order, in that order.</summary>
    public bool DeleteElements(Action<IReadOnlyCollection<IDeletableElement>> chooseElements)
    {
        var entries = dynamoDb.ScanAllAsync(new ScanRequest { TableName = TableNames.DataProtectionKeys, ConsistentRead = true })
            .GetAwaiter().GetResult()
            .Where(item => item.ContainsKey(Xml))
            .Select(item => new Entry(item[KeyNames.FriendlyName].S, XElement.Parse(item[Xml].S)))
            .ToList();
        chooseElements(entries);
        foreach (var entry in entries.Where(e => e.DeletionOrder is not null).OrderBy(e => e.DeletionOrder))
        {
            dynamoDb.DeleteItemAsync(TableNames.DataProtectionKeys, new() { [KeyNames.FriendlyName] = new() { S = entry.FriendlyName } })
                .GetAwaiter().GetResult();
        }
        return true;
    }

    private sealed class Entry(string friendlyName, XElement element) : IDeletableElement
    {
        public string FriendlyName => friendlyName;

        public XElement Element => element;

        public int? DeletionOrder { get; set; }
    }

    public void StoreElement(XElement element, string friendlyName) =>
        dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = TableNames.DataProtectionKeys,
            Item = new Dictionary<string, AttributeValue>
            {
                [KeyNames.FriendlyName] = new() { S = friendlyName },
                [Xml] = new() { S = element.ToString(SaveOptions.DisableFormatting) },
            },
        }).GetAwaiter().GetResult();

    /// <summary>
    /// Claims the right to make the ring's first key until <paramref name="until"/>: granted to one caller at a time, and
    /// again once a claim has lapsed (its holder stopped before it made the key).
    /// </summary>
    public async Task<bool> TryClaimFirstKeyAsync(string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken)
    {
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = TableNames.DataProtectionKeys,
                Item = new Dictionary<string, AttributeValue>
                {
                    [KeyNames.FriendlyName] = new() { S = Claim },
                    [Holder] = new() { S = holder },
                    [Until] = new() { N = until.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) },
                },
                ConditionExpression = "attribute_not_exists(#name) OR #until < :now",
                ExpressionAttributeNames = new() { ["#name"] = KeyNames.FriendlyName, ["#until"] = Until },
                ExpressionAttributeValues = new() { [":now"] = new() { N = now.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture) } },
            }, cancellationToken);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
