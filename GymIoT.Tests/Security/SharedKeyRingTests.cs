using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using GymIoT.Core.Storage;
using GymIoT.Dashboard.Security;
using GymIoT.Tests.Infrastructure;
using System.Security.Cryptography;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GymIoT.Tests.Security;

/// <summary>
/// The dashboards' Data Protection key ring in the embedded DynamoDB. Two replicas that started together on an empty ring
/// once each made a key of their own, so a member signed in on one was sent to the log-in page by the other; and the ring
/// held its master keys in clear, so whoever read the table, a backup or an export could mint a staff session cookie.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class SharedKeyRingTests(PlatformFixture fixture)
{
    private const int Replicas = 4;

    [Fact]
    public async Task Dashboards_that_start_together_on_an_empty_key_ring_make_one_key_and_all_protect_with_it()
    {
        await WithRingLentAsync(async dynamoDb =>
        {
            var keyFile = NewKeyFile();
            var replicas = Enumerable.Range(0, Replicas).Select(_ => Replica(dynamoDb, keyFile)).ToList();
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
                await StopAsync(replicas);
            }
        });
    }

    [Fact]
    public async Task The_stored_ring_holds_no_master_key_in_clear_and_a_dashboard_without_its_key_file_reads_nothing()
    {
        await WithRingLentAsync(async dynamoDb =>
        {
            var keyFile = NewKeyFile();
            var dashboard = Replica(dynamoDb, keyFile);
            var payload = await ProtectAsync(dashboard, "signed in");

            var entry = Assert.Single(await RingAsync(dynamoDb), item => item.ContainsKey("Xml"))["Xml"].S;
            Assert.Equal("local", (string?)Assert.Single(XElement.Parse(entry).Descendants(WrappedKeyXmlEncryptor.ElementName)).Attribute(WrappedKeyXmlEncryptor.ByAttribute));
            Assert.DoesNotContain("<masterKey", entry, StringComparison.Ordinal);
            Assert.DoesNotContain("unencrypted", entry, StringComparison.Ordinal);
            Assert.False(KeyRingEntries.HoldsSecretInClear(XElement.Parse(entry)));
            Assert.True(OperatingSystem.IsWindows() || (File.GetUnixFileMode(keyFile) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) == 0, "the key file is its owner's alone");

            // Whoever copies the table without the key file has entries it cannot open.
            var thief = Replica(dynamoDb, NewKeyFile());
            await thief.StartAsync();
            Assert.ThrowsAny<CryptographicException>(() => thief.Services.GetDataProtector("shared-key-ring").Unprotect(payload));
            await StopAsync([dashboard, thief]);
        });
    }

    [Fact]
    public async Task A_master_key_a_ring_held_in_clear_is_deleted_at_start_and_what_it_signed_stops_working()
    {
        await WithRingLentAsync(async dynamoDb =>
        {
            // What the dashboard wrote before its ring was encrypted.
            var before = UnencryptedReplica(dynamoDb);
            var oldCookie = await ProtectAsync(before, "signed in long ago");
            await StopAsync([before]);
            Assert.Contains(await RingAsync(dynamoDb), item => item.TryGetValue("Xml", out var xml) && KeyRingEntries.HoldsSecretInClear(XElement.Parse(xml.S)));

            var dashboard = Replica(dynamoDb, NewKeyFile());
            var newCookie = await ProtectAsync(dashboard, "signed in now");

            Assert.DoesNotContain(await RingAsync(dynamoDb), item => item.TryGetValue("Xml", out var xml) && KeyRingEntries.HoldsSecretInClear(XElement.Parse(xml.S)));
            var protector = dashboard.Services.GetDataProtector("shared-key-ring");
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(oldCookie));
            Assert.Equal("signed in now", Encoding.UTF8.GetString(protector.Unprotect(newCookie)));
            await StopAsync([dashboard]);
        });
    }

    /// <summary>A dashboard's Data Protection, as the dashboard registers it, without the rest of the dashboard.</summary>
    private static IHost Replica(IAmazonDynamoDB dynamoDb, string keyFile)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["KeyRing:LocalKeyFile"] = keyFile });
        builder.Services.AddLogging();
        builder.Services.AddSingleton(dynamoDb);
        builder.AddSharedKeyRing();
        return builder.Build();
    }

    /// <summary>Data Protection on the same table with no encryptor, as the dashboard had it before.</summary>
    private static IHost UnencryptedReplica(IAmazonDynamoDB dynamoDb)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new());
        builder.Services.AddLogging();
        builder.Services.AddDataProtection().SetApplicationName("GymIoT.Dashboard");
        builder.Services.Configure<KeyManagementOptions>(options => options.XmlRepository = new DynamoDbXmlRepository(dynamoDb));
        return builder.Build();
    }

    private static async Task<byte[]> ProtectAsync(IHost replica, string text)
    {
        await replica.StartAsync();
        return replica.Services.GetDataProtector("shared-key-ring").Protect(Encoding.UTF8.GetBytes(text));
    }

    private static async Task StopAsync(IEnumerable<IHost> replicas)
    {
        foreach (var replica in replicas)
        {
            await replica.StopAsync();
            replica.Dispose();
        }
    }

    private static string NewKeyFile() => Path.Combine(Directory.CreateTempSubdirectory("gymiot-key-ring-").FullName, "key-ring.key");

    /// <summary>
    /// The Platform app's dashboard keeps the ring it read at its start; the test lends the table out and puts it back.
    /// </summary>
    private async Task WithRingLentAsync(Func<IAmazonDynamoDB, Task> test)
    {
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        var before = await RingAsync(dynamoDb);
        await DeleteAsync(dynamoDb, before);
        try
        {
            await test(dynamoDb);
        }
        finally
        {
            await DeleteAsync(dynamoDb, await RingAsync(dynamoDb));
            foreach (var item in before)
            {
                await dynamoDb.PutItemAsync(TableNames.DataProtectionKeys, item);
            }
        }
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
