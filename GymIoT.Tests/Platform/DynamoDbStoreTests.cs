using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>
/// The embedded DynamoDB's store on disk. Each Query once left LevelDB iterators open in dynalite, and their snapshots
/// made the store keep every version of every item; the versions of one hot item then came to be read back out of order
/// and acknowledged updates were lost (RELIABILITY.md). <c>emulators/close-dynalite-iterators.cjs</c> fixes that.
/// </summary>
[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class DynamoDbStoreTests(PlatformFixture fixture)
{
    [Fact]
    public async Task An_item_updated_while_it_is_queried_leaves_no_trail_of_old_versions_on_disk()
    {
        // A dynalite of its own, started as the AppHost starts it, so that its store can be compacted on demand: the one
        // the AppHost runs holds 32 MB of writes before compaction sees any of them.
        var megabytesKept = await fixture.App.RunBesideEmulatorAsync("dynamodb", "-e", """
            const fs = require('node:fs'), os = require('node:os'), path = require('node:path'), http = require('node:http');
            const { ClassicLevel } = require(require.resolve('classic-level', { paths: [path.dirname(require.resolve('dynalite/package.json'))] }));
            const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'gymiot-versions-'));
            let store;
            const open = ClassicLevel.prototype._open;
            ClassicLevel.prototype._open = function (options) { store = this; return open.call(this, options); };
            const server = require('dynalite')({ path: directory, createTableMs: 0 });
            const call = (target, body) => new Promise((resolve, reject) => http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST', headers: {
                'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'DynamoDB_20120810.' + target, 'X-Amz-Date': '20260101T000000Z',
                'Authorization': 'AWS4-HMAC-SHA256 Credential=probe/20260101/us-east-1/dynamodb/aws4_request, SignedHeaders=host;x-amz-date, Signature=0' } },
              response => { let text = ''; response.on('data', chunk => text += chunk).on('end', () => response.statusCode === 200 ? resolve() : reject(new Error(text))); })
              .on('error', reject).end(JSON.stringify(body)));
            const tableBytes = () => fs.readdirSync(directory).filter(file => file.endsWith('.ldb')).reduce((sum, file) => sum + fs.statSync(path.join(directory, file)).size, 0);
            server.listen(0, '127.0.0.1', async () => {
              try {
                await call('CreateTable', { TableName: 'Activity', BillingMode: 'PAY_PER_REQUEST',
                  AttributeDefinitions: [{ AttributeName: 'MemberId', AttributeType: 'S' }], KeySchema: [{ AttributeName: 'MemberId', KeyType: 'HASH' }] });
                // 400 versions of a 100 KB item, each queried: 40 MB written, of which one version is live.
                const padding = require('node:crypto').randomBytes(75_000).toString('base64');
                for (let version = 0; version < 400; version++) {
                  await call('PutItem', { TableName: 'Activity', Item: { MemberId: { S: 'versions' }, Padding: { S: version + padding } } });
                  await call('Query', { TableName: 'Activity', KeyConditionExpression: 'MemberId = :m', ExpressionAttributeValues: { ':m': { S: 'versions' } }, Limit: 1 });
                }
                await store.compactRange('\u0000', '\uffff');
                process.stdout.write(String(Math.round(tableBytes() / 1e6)));
              } finally {
                server.close();
                await store.close();
                fs.rmSync(directory, { recursive: true, force: true });
              }
            });
            """);

        // 74 MB while the iterators were left open.
        Assert.Equal("0", megabytesKept);
    }
}
