using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;
using GymIoT.Dashboard.Security;
using GymIoT.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GymIoT.Tests.Security;

/// <summary>
/// The dashboards' Data Protection key ring in the embedded DynamoDB. Two replicas that started together on an empty ring
/// once each made a key of their own, so a member signed in on one was sent to the log-in page by the other.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class SharedKeyRingTests(PlatformFixture fixture)
{
    private const int Replicas = 4;

    [Fact]
    public async Task Dashboards_that_start_together_on_an_empty_key_ring_make_one_key_and_all_protect_with_it()
    {
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        // The Platform app's dashboard keeps the ring it read at its start; the test lends the table out and puts it back.
        var before = await RingAsync(dynamoDb);
        await DeleteAsync(dynamoDb, before);
        var replicas = Enumerable.Range(0, Replicas).Select(_ => Replica(dynamoDb)).ToList();
        try
        {
            await Task.WhenAll(replicas.Select(replica => Task.Run(() => replica.StartAsync())));

            var protectors = replicas.Select(replica => replica.Services.GetDataProtector("shared-key-ring")).ToList();
            var payloads = protectors.Select(protector => protector.Protect(Encoding.UTF8.GetBytes("signed in"))).ToList();
            Assert.Single(payloads.Select(KeyIdOf).Distinct());
            Assert.Single(await RingAsync(dynamoDb), item => item.ContainsKey("Xml"));
            foreach (var protector in protectors)
            {
                Assert.All(payloads, payload => Assert.Equal("signed in", Encoding.UTF8.GetString(protector.Unprotect(payload))));
            }
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.StopAsync();
                replica.Dispose();
            }
            await DeleteAsync(dynamoDb, await RingAsync(dynamoDb));
            foreach (var item in before)
            {
                await dynamoDb.PutItemAsync(TableNames.DataProtectionKeys, item);
            }
        }
    }

    /// <summary>A dashboard's Data Protection, as the dashboard registers it, without the rest of the dashboard.</summary>
    private static IHost Replica(IAmazonDynamoDB dynamoDb)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Services.AddLogging();
        builder.Services.AddSingleton(dynamoDb);
        builder.Services.AddSharedKeyRing();
        return builder.Build();
    }

    /// <summary>A protected payload names its key: a 4-byte magic header, then the key's id.</summary>
    private static Guid KeyIdOf(byte[] payload) => new(payload.AsSpan(4, 16));

    private static Task<List<Dictionary<string, AttributeValue>>> RingAsync(IAmazonDynamoDB dynamoDb) =>
        dynamoDb.ScanAllAsync(new ScanRequest { TableName = TableNames.DataProtectionKeys, ConsistentRead = true });

    private static async Task DeleteAsync(IAmazonDynamoDB dynamoDb, IEnumerable<Dictionary<string, AttributeValue>> items)
    {
        foreach (var item in items)
        {
            await dynamoDb.DeleteItemAsync(TableNames.DataProtectionKeys, new() { [KeyNames.FriendlyName] = item[KeyNames.FriendlyName] });
        }
    }
}
