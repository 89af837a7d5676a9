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
public sealed class DynamoDbXmlRepository(IAmazonDynamoDB dynamoDb) : IXmlRepository
{
    private const string Xml = "Xml";

    // Data Protection asks synchronously, rarely (at start and when the ring is refreshed).
    public IReadOnlyCollection<XElement> GetAllElements() =>
        [.. dynamoDb.ScanAllAsync(new ScanRequest { TableName = TableNames.DataProtectionKeys, ConsistentRead = true })
            .GetAwaiter().GetResult()
            .Select(item => XElement.Parse(item[Xml].S))];

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
}
