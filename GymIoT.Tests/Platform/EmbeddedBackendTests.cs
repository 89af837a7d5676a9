using System.Net;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using Amazon.DynamoDBv2;
using Amazon.SQS.Model;
using Aspire.Hosting.ApplicationModel;
using GymIoT.AppHost.Provisioning;
using GymIoT.Core.Queues;
using GymIoT.Core.Storage;
using GymIoT.TestSupport;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace GymIoT.Tests.Platform;

[Trait(TestKind.Category, TestKind.Integration)]
[Collection(PlatformCollection.Name)]
public sealed class EmbeddedBackendTests(PlatformFixture fixture)
{
    private static readonly string[] Emulators = ["sqs", "dynamodb", "dynamodb-admin", "maildev"];

    [Fact]
    public async Task Every_queue_has_a_dead_letter_queue_after_five_receives()
    {
        using var sqs = fixture.Aws.CreateSqsClient();
        var queues = (await sqs.ListQueuesAsync(new ListQueuesRequest())).QueueUrls.Select(url => url.Split('/')[^1]).ToHashSet();

        foreach (var name in QueueNames.Sources)
        {
            Assert.Contains(name, queues);
            Assert.Contains(name + "-dlq", queues);

            var url = (await sqs.GetQueueUrlAsync(name)).QueueUrl;
            var attributes = (await sqs.GetQueueAttributesAsync(url, ["RedrivePolicy"])).Attributes;
            using var policy = JsonDocument.Parse(attributes["RedrivePolicy"]);
            var deadLetterUrl = (await sqs.GetQueueUrlAsync(name + "-dlq")).QueueUrl;
            var deadLetterArn = (await sqs.GetQueueAttributesAsync(deadLetterUrl, ["QueueArn"])).Attributes["QueueArn"];
            Assert.Equal(deadLetterArn, policy.RootElement.GetProperty("deadLetterTargetArn").GetString());
            var maxReceiveCount = policy.RootElement.GetProperty("maxReceiveCount");
            Assert.Equal("5", maxReceiveCount.ValueKind == JsonValueKind.Number ? maxReceiveCount.GetRawText() : maxReceiveCount.GetString());
        }
    }

    [Theory]
    [InlineData(TableNames.Members, "MemberId", null)]
    [InlineData(TableNames.MemberActivity, "MemberId", "Period")]
    [InlineData(TableNames.DeviceActivity, "DeviceId", "Period")]
    [InlineData(TableNames.NotificationDeliveries, "ReportId", "Channel")]
    [InlineData(TableNames.DataProtectionKeys, "FriendlyName", null)]
    public async Task Tables_exist_with_the_designed_keys(string table, string partitionKey, string? sortKey)
    {
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();

        var description = (await dynamoDb.DescribeTableAsync(table)).Table;

        Assert.Equal(TableStatus.ACTIVE, description.TableStatus);
        Assert.Equal(partitionKey, description.KeySchema.Single(k => k.KeyType == KeyType.HASH).AttributeName);
        Assert.Equal(sortKey, description.KeySchema.SingleOrDefault(k => k.KeyType == KeyType.RANGE)?.AttributeName);
    }

    [Fact]
    public async Task Device_activity_is_indexed_by_period()
    {
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();

        var index = (await dynamoDb.DescribeTableAsync(TableNames.DeviceActivity)).Table.GlobalSecondaryIndexes.Single();

        Assert.Equal(KeyNames.DeviceActivityByPeriod, index.IndexName);
        Assert.Equal(["Period:HASH", "DeviceId:RANGE"], index.KeySchema.Select(k => $"{k.AttributeName}:{k.KeyType}"));
    }

    [Fact]
    public async Task Provisioning_again_changes_nothing_and_fails_on_nothing()
    {
        using var sqs = fixture.Aws.CreateSqsClient();
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        var provisioner = new AwsProvisioner(sqs, dynamoDb, TimeProvider.System, NullLogger.Instance);

        var first = await provisioner.ProvisionAsync();
        var second = await provisioner.ProvisionAsync();

        Assert.False(first.ChangedAnything, first.ToString());
        Assert.False(second.ChangedAnything, second.ToString());
        Assert.Equal(QueueNames.Sources.Count * 2 + TableNames.All.Count, second.Unchanged.Count);
    }

    [Theory]
    [InlineData("dynamodb-admin", "/", "DynamoDB")]
    [InlineData("maildev", "/", "MailDev")]
    [InlineData("maildev", "/api/email", "[")]
    public async Task Database_and_mail_tools_answer(string resource, string path, string expectedText)
    {
        using var http = new HttpClient { BaseAddress = fixture.Endpoint(resource) };
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html,application/json");

        var response = await http.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expectedText, await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("sqs")]
    [InlineData("dynamodb")]
    [InlineData("dynamodb-admin")]
    [InlineData("maildev")]
    public async Task Every_emulator_starts_without_a_line_in_red(string resource)
    {
        // Harmless warnings in red (Node's ExperimentalWarning for SQLite, from the persistent SQS emulator) teach ops to ignore red.
        Assert.Empty(await fixture.App.ErrorLinesAsync(resource));
    }

    [Fact]
    public void Every_emulator_listens_on_loopback_only()
    {
        foreach (var resource in Emulators)
        {
            var pid = fixture.App.ProcessIdOf(resource);

            var sockets = ListeningSockets.OfProcess(pid);

            Assert.NotEmpty(sockets);
            Assert.All(sockets, socket => Assert.Equal(IPAddress.Loopback, socket.Address));
            Assert.Contains(fixture.Endpoint(resource).Port, sockets.Select(s => s.Port));
        }
    }

    [Fact]
    public async Task DynamoDB_data_survives_a_restart_of_its_emulator()
    {
        var key = new Dictionary<string, AttributeValue> { ["MemberId"] = new($"restart-{Guid.NewGuid():N}") };
        using (var dynamoDb = fixture.Aws.CreateDynamoDbClient())
        {
            await dynamoDb.PutItemAsync(TableNames.Members, new Dictionary<string, AttributeValue>(key) { ["Name"] = new("Before restart") });
        }
        var pidBefore = fixture.App.ProcessIdOf("dynamodb");
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await fixture.App.RestartResourceAsync("dynamodb", cancellation.Token);

        Assert.NotEqual(pidBefore, fixture.App.ProcessIdOf("dynamodb"));
        using (var dynamoDb = fixture.Aws.CreateDynamoDbClient())
        {
            var item = (await dynamoDb.GetItemAsync(TableNames.Members, key, consistentRead: true)).Item;
            Assert.Equal("Before restart", item["Name"].S);
        }
    }

    [Theory]
    [InlineData("sqs", "/health")]
    [InlineData("dynamodb", "/")]
    [InlineData("dynamodb-admin", "/")]
    [InlineData("maildev", "/api/email")]
    public async Task Every_emulator_refuses_a_web_page_of_another_origin_and_serves_its_own(string resource, string path)
    {
        var endpoint = fixture.Endpoint(resource);
        using var http = new HttpClient { BaseAddress = endpoint };

        using var foreign = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Origin", "https://example.com" } } };
        using var rebound = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { Host = $"attacker.example:{endpoint.Port}" } };
        using var own = new HttpRequestMessage(HttpMethod.Get, path) { Headers = { { "Origin", $"http://localhost:{endpoint.Port}" } } };
        own.Headers.Host = $"localhost:{endpoint.Port}";
        own.Headers.Accept.ParseAdd("text/html,application/json");

        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(rebound)).StatusCode);
        Assert.NotEqual(HttpStatusCode.Forbidden, (await http.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task A_message_made_visible_again_is_received_again_with_its_receive_count_on_the_persistent_SQS_emulator()
    {
        using var sqs = fixture.Aws.CreateSqsClient();
        var queue = (await sqs.CreateQueueAsync($"visibility-{Guid.NewGuid():N}")).QueueUrl;
        await sqs.SendMessageAsync(queue, "again");
        var first = Assert.Single((await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue, VisibilityTimeout = 60 })).Messages);

        await sqs.ChangeMessageVisibilityAsync(queue, first.ReceiptHandle, 0);
        var second = (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest
        {
            QueueUrl = queue, VisibilityTimeout = 60, WaitTimeSeconds = 2, MessageSystemAttributeNames = ["ApproximateReceiveCount"],
        })).Messages;

        Assert.Equal(first.MessageId, Assert.Single(second ?? []).MessageId);
        Assert.Equal("2", second![0].Attributes["ApproximateReceiveCount"]);
        await sqs.DeleteQueueAsync(queue);
    }

    [Fact]
    public async Task A_long_poll_whose_caller_has_gone_takes_no_message_from_the_SQS_emulator()
    {
        using var sqs = fixture.Aws.CreateSqsClient();
        var queue = (await sqs.CreateQueueAsync($"abandoned-{Guid.NewGuid():N}")).QueueUrl;
        // A consumer stopped in the middle of its long poll: the request cancelled, its connection closed.
        using (var gone = fixture.Aws.CreateSqsClient())
        using (var stop = new CancellationTokenSource(TimeSpan.FromSeconds(1)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                gone.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue, MaxNumberOfMessages = 10, WaitTimeSeconds = 20 }, stop.Token));
        }
        // The emulator learns of the closed connection from the network, not at once.
        await Task.Delay(TimeSpan.FromMilliseconds(500));

        await sqs.SendMessageAsync(queue, "for a consumer still there");
        var received = (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue, WaitTimeSeconds = 2 })).Messages;

        // Before: the abandoned poll took it, and it stayed in flight for the queue's visibility timeout (30 s).
        Assert.Equal("for a consumer still there", Assert.Single(received ?? []).Body);
        await sqs.DeleteQueueAsync(queue);
    }

    [Fact]
    public async Task The_persistent_SQS_emulator_syncs_its_messages_to_disk_at_checkpoints_not_at_every_message()
    {
        var data = Directory.CreateTempSubdirectory("gymiot-fauxqs-probe-");
        var synchronous = await fixture.App.RunBesideEmulatorAsync("sqs", "--disable-warning=ExperimentalWarning", "--input-type=module", "-e",
            $"import {{ PersistenceManager }} from './node_modules/fauxqs/dist/persistence.js'; process.stdout.write(String(new PersistenceManager('{data.FullName}').db.prepare('PRAGMA synchronous').get().synchronous));");
        data.Delete(recursive: true);

        // SQLite's 1 is NORMAL (in WAL mode: at checkpoints); its default, 2 (FULL), waits for an fsync at every statement.
        Assert.Equal("1", synchronous);
    }

    [Fact]
    public async Task The_DynamoDB_emulator_parses_an_expression_once_and_binds_each_request_to_its_own_values()
    {
        // The parser checks each literal attribute name against the reserved words as it parses: one check, one parse.
        var parsed = await fixture.App.RunBesideEmulatorAsync("dynamodb", "-e", """
            const parser = require('./node_modules/dynalite/db/updateParser');
            let parses = 0;
            const parse = n => parser.parse('SET #n = :v, counted = :v', { context: {
              attrNames: { '#n': 'n' }, attrVals: { ':v': { N: n } }, unusedAttrNames: { '#n': true }, unusedAttrVals: { ':v': true },
              isReserved: () => (parses++, false), compare: () => false } });
            const [first, second] = [parse('1'), parse('2')];
            process.stdout.write(JSON.stringify({ parses, first: first.sections[0].val.N, second: second.sections[0].val.N }));
            """);

        Assert.Equal("""{"parses":1,"first":"1","second":"2"}""", parsed);
    }

    [Fact]
    public async Task The_DynamoDB_emulator_parses_an_expression_once_for_any_attribute_names_and_binds_each_request_to_its_own()
    {
        // As the coach names each session's attribute after its reading: the same expression, new names every time.
        var parsed = await fixture.App.RunBesideEmulatorAsync("dynamodb", "-e", """
            const parser = require('./node_modules/dynalite/db/updateParser');
            let parses = 0;
            const parse = id => parser.parse('SET #day.#session = :v, counted = :v', { context: {
              attrNames: { '#day': 'Day', '#session': 'Session#' + id }, attrVals: { ':v': { S: id } },
              unusedAttrNames: { '#day': true, '#session': true }, unusedAttrVals: { ':v': true },
              isReserved: () => (parses++, false), compare: () => false } });
            const bound = ['a', 'b'].map(parse).map(tree => ({ path: tree.sections[0].path, nested: Object.keys(tree.nestedPaths) }));
            process.stdout.write(JSON.stringify({ parses, bound }));
            """);

        Assert.Equal("""{"parses":1,"bound":[{"path":["Day","Session#a"],"nested":["Day"]},{"path":["Day","Session#b"],"nested":["Day"]}]}""", parsed);
    }

    [Fact]
    public async Task The_DynamoDB_emulator_lists_its_tables_and_a_table_s_keys_without_reading_the_other_tables_items()
    {
        // dynamodb-admin's page, which the AppHost probes for health, lists the tables: once a pass over every item stored.
        var listed = await fixture.App.RunBesideEmulatorAsync("dynamodb", "-e", """
            const fs = require('node:fs'), os = require('node:os'), path = require('node:path');
            const dynalite = path.dirname(require.resolve('dynalite/package.json'));
            const store = require(path.join(dynalite, 'db')).create({ path: fs.mkdtempSync(path.join(os.tmpdir(), 'gymiot-keys-')) });
            let read = 0;
            const createKeyStream = store.db.createKeyStream;
            store.db.createKeyStream = function (options) {
              return createKeyStream.call(this, options).on('data', () => read++);
            };
            const keys = stream => new Promise((resolve, reject) => { const all = []; stream.on('data', k => all.push(k)).on('end', () => resolve(all)).on('error', reject); });
            (async () => {
              await store.db.batch([
                { type: 'put', key: 'table~Gym', value: { TableName: 'Gym' } },
                { type: 'put', key: 'table~Members', value: { TableName: 'Members' } },
                ...Array.from({ length: 1000 }, (_, i) => ({ type: 'put', key: 'item-Members~' + i, value: { i } })),
                { type: 'put', key: 'item-Members.old~0', value: {} },
                { type: 'put', key: 'tag-Gym~Owner', value: 'staff' },
              ]);
              const tables = await new Promise((resolve, reject) => require(path.join(dynalite, 'actions', 'listTables'))(store, {}, (e, r) => e ? reject(e) : resolve(r.TableNames)));
              const readForTables = read;
              const items = await keys(store.getItemDb('Members').createKeyStream());
              process.stdout.write(JSON.stringify({ tables, readForTables, items: items.length, readForItems: read - readForTables }));
            })();
            """);

        Assert.Equal("""{"tables":["Gym","Members"],"readForTables":2,"items":1000,"readForItems":1000}""", listed);
    }

    [Fact]
    public async Task The_DynamoDB_emulator_holds_32_MB_of_writes_in_memory_before_it_writes_a_table_file()
    {
        // LevelDB's own 4 MB buffer made its compaction rewrite level 1 every second or so under the pipeline's updates.
        var tableFiles = await fixture.App.RunBesideEmulatorAsync("dynamodb", "-e", """
            const fs = require('node:fs'), os = require('node:os'), path = require('node:path');
            const dynalite = path.dirname(require.resolve('dynalite/package.json'));
            const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'gymiot-buffer-'));
            const store = require(path.join(dynalite, 'db')).create({ path: directory });
            (async () => {
              const padding = 'x'.repeat(100_000);
              for (let i = 0; i < 120; i++) await store.db.put('item-Members~' + i, { padding });
              await store.db.close();
              const written = fs.readdirSync(directory).filter(file => file.endsWith('.ldb')).length;
              fs.rmSync(directory, { recursive: true, force: true });
              process.stdout.write(String(written));
            })();
            """);

        // 12 MB written: two table files with a 4 MB buffer, none with 32 MB (closing waits for a flush under way).
        Assert.Equal("0", tableFiles);
    }

    [Theory]
    [InlineData("SET #first = :value, #second = :value", "ProbeSame", "ProbeSame")]
    [InlineData("SET ProbeLiteral = :value, #first = :value", "ProbeLiteral", "ProbeOther")]
    public async Task An_expression_parsed_before_is_still_refused_when_its_names_overlap(string expression, string first, string second)
    {
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        var key = new Dictionary<string, AttributeValue> { ["MemberId"] = new($"expression-{Guid.NewGuid():N}") };
        Task<UpdateItemResponse> SetAsync(string firstName, string secondName) => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = key,
            UpdateExpression = expression,
            ExpressionAttributeNames = expression.Contains("#second", StringComparison.Ordinal)
                ? new() { ["#first"] = firstName, ["#second"] = secondName }
                : new() { ["#first"] = firstName },
            ExpressionAttributeValues = new() { [":value"] = new("set") },
        });

        await SetAsync("ProbeA", "ProbeB");
        var overlapping = await Assert.ThrowsAsync<AmazonDynamoDBException>(() => SetAsync(first, second));
        await SetAsync("ProbeC", "ProbeD");

        Assert.Contains($"paths overlap with each other; must remove or rewrite one of these paths; path one: [{first}]", overlapping.Message, StringComparison.Ordinal);
        var item = (await dynamoDb.GetItemAsync(TableNames.Members, key, consistentRead: true)).Item;
        Assert.Equal("set", item["ProbeC"].S);
    }

    [Fact]
    public async Task An_expression_sent_again_is_answered_for_the_values_it_comes_with()
    {
        using var dynamoDb = fixture.Aws.CreateDynamoDbClient();
        var key = new Dictionary<string, AttributeValue> { ["MemberId"] = new($"expression-{Guid.NewGuid():N}") };
        Task<UpdateItemResponse> AddAsync(Dictionary<string, AttributeValue> values) => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = TableNames.Members,
            Key = key,
            UpdateExpression = "SET #label = :label ADD #count :step",
            ExpressionAttributeNames = new() { ["#label"] = "ProbeLabel", ["#count"] = "ProbeCount" },
            ExpressionAttributeValues = values,
            ReturnValues = ReturnValue.ALL_NEW,
        });

        var first = await AddAsync(new() { [":label"] = new("first"), [":step"] = new() { N = "2" } });
        var second = await AddAsync(new() { [":label"] = new("second"), [":step"] = new() { N = "3" } });
        var mistyped = await Assert.ThrowsAsync<AmazonDynamoDBException>(() =>
            AddAsync(new() { [":label"] = new("third"), [":step"] = new("one") }));

        Assert.Equal(("first", "2"), (first.Attributes["ProbeLabel"].S, first.Attributes["ProbeCount"].N));
        Assert.Equal(("second", "5"), (second.Attributes["ProbeLabel"].S, second.Attributes["ProbeCount"].N));
        Assert.Contains("operand type: STRING", mistyped.Message, StringComparison.Ordinal);
        var item = (await dynamoDb.GetItemAsync(TableNames.Members, key, consistentRead: true)).Item;
        Assert.Equal(("second", "5"), (item["ProbeLabel"].S, item["ProbeCount"].N));
    }

    [Fact]
    public async Task SQS_messages_survive_a_restart_of_its_emulator()
    {
        var body = $"kept-{Guid.NewGuid():N}";
        string queue;
        using (var sqs = fixture.Aws.CreateSqsClient())
        {
            queue = (await sqs.CreateQueueAsync($"restart-{Guid.NewGuid():N}")).QueueUrl;
            await sqs.SendMessageAsync(queue, body);
        }
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMinutes(1));

        await fixture.App.RestartResourceAsync("sqs", cancellation.Token);
        await fixture.WaitForProvisioningAsync(cancellation.Token);

        using (var sqs = fixture.Aws.CreateSqsClient())
        {
            var received = await Eventually.ValueAsync(
                async () => (await sqs.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = queue, WaitTimeSeconds = 1 })).Messages ?? [],
                found => found.Count > 0, TimeSpan.FromSeconds(30));
            Assert.Equal(body, Assert.Single(received).Body);
            await sqs.DeleteQueueAsync(queue);
        }
    }
}
