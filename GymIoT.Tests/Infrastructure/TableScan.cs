using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;
using GymIoT.Dashboard.MemberData;

namespace GymIoT.Tests.Infrastructure;

/// <summary>What a scan of every table finds.</summary>
public static class TableScan
{
    /// <summary>Every item of every table that holds <paramref name="text"/> in any attribute's name or value.</summary>
    public static async Task<List<string>> ItemsNamingAsync(IAmazonDynamoDB dynamoDb, string text)
    {
        var found = new List<string>();
        foreach (var table in TableNames.All)
        {
            foreach (var item in await dynamoDb.ScanAllAsync(new ScanRequest { TableName = table, ConsistentRead = true }))
            {
                if (item.Any(a => a.Key.Contains(text, StringComparison.Ordinal) || StoredValues.Text(a.Value).Contains(text, StringComparison.Ordinal)))
                {
                    found.Add($"{table}: {string.Join(", ", item.Keys)}");
                }
            }
        }
        return found;
    }
}
