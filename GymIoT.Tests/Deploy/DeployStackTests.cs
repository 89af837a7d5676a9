using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using GymIoT.Core.Aws;
using GymIoT.Core.Hosting;
using GymIoT.Core.Provisioning;
using GymIoT.Core.Queues;
using GymIoT.Deploy;
using GymIoT.Deploy.Security;
using GymIoT.Dashboard.Security;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Deploy;

/// <summary>
/// The deploy stack declares what the AppHost's provisioner creates (every queue, dead-letter queue, table and index, with
/// the same settings) and gives each service's task role exactly its <see cref="ServiceAccess"/>.
/// </summary>
[Trait(TestKind.Category, TestKind.Deploy)]
public sealed class DeployStackTests
{
    private static JsonObject Json => SynthesizedStack.Json;

    [Fact]
    public void Every_queue_has_its_dead_letter_queue_redrive_visibility_and_encryption()
    {
        var queues = SynthesizedStack.Resources(Json, "AWS::SQS::Queue").ToDictionary(q => q.Properties["QueueName"]!.GetValue<string>());

        Assert.Equal(QueueNames.WithDeadLetters.Order(), queues.Keys.Order());
        foreach (var name in QueueNames.Sources)
        {
            var (_, queue) = queues[name];
            var (deadLetterId, deadLetter) = queues[QueueNames.DeadLetterOf(name)];
            Assert.Equal(QueueSettings.VisibilityTimeoutSecondsOf(name), queue["VisibilityTimeout"]!.GetValue<int>());
            Assert.Equal(QueueNames.MaxReceiveCount, queue["RedrivePolicy"]!["maxReceiveCount"]!.GetValue<int>());
            Assert.Equal(deadLetterId, queue["RedrivePolicy"]!["deadLetterTargetArn"]!["Fn::GetAtt"]![0]!.GetValue<string>());
            Assert.Equal(QueueSettings.DeadLetterRetentionSeconds, deadLetter["MessageRetentionPeriod"]!.GetValue<int>());
            Assert.True(queue["SqsManagedSseEnabled"]!.GetValue<bool>(), name);
            Assert.True(deadLetter["SqsManagedSseEnabled"]!.GetValue<bool>(), name);
        }
        // TLS only: each queue's policy denies requests without it.
        SynthesizedStack.Template.ResourceCountIs("AWS::SQS::QueuePolicy", queues.Count);
        SynthesizedStack.Template.AllResourcesProperties("AWS::SQS::QueuePolicy", new Dictionary<string, object>
        {
            ["PolicyDocument"] = new Dictionary<string, object>
            {
                ["Statement"] = Match.ArrayWith([Match.ObjectLike(new Dictionary<string, object>
                {
                    ["Effect"] = "Deny",
                    ["Condition"] = new Dictionary<string, object> { ["Bool"] = new Dictionary<string, object> { ["aws:SecureTransport"] = "false" } },
                })]),
            },
        });
    }

    [Fact]
    public void Every_table_has_the_provisioners_keys_and_indexes_on_demand_with_recovery_and_deletion_protection()
    {
        var tables = SynthesizedStack.Resources(Json, "AWS::DynamoDB::Table").ToDictionary(t => t.Properties["TableName"]!.GetValue<string>(), t => t.Properties);

        Assert.Equal(TableDefinitions.All.Select(t => t.TableName).Order(), tables.Keys.Order());
        foreach (var definition in TableDefinitions.All)
        {
            var table = tables[definition.TableName];
            Assert.Equal(Keys(definition.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value))), Keys(table["KeySchema"]!));
            Assert.Equal(
                definition.AttributeDefinitions.Select(a => $"{a.AttributeName}:{a.AttributeType.Value}").Order(),
                table["AttributeDefinitions"]!.AsArray().Select(a => $"{a!["AttributeName"]}:{a["AttributeType"]}").Order());
            Assert.Equal(
                (definition.GlobalSecondaryIndexes ?? []).Select(i => $"{i.IndexName}({Keys(i.KeySchema.Select(k => (k.AttributeName, k.KeyType.Value)))}):{i.Projection.ProjectionType.Value}").Order(),
                (table["GlobalSecondaryIndexes"]?.AsArray() ?? []).Select(i => $"{i!["IndexName"]}({Keys(i["KeySchema"]!)}):{i["Projection"]!["ProjectionType"]}").Order());
            Assert.Equal("PAY_PER_REQUEST", table["BillingMode"]!.GetValue<string>());
            Assert.True(table["PointInTimeRecoverySpecification"]!["PointInTimeRecoveryEnabled"]!.GetValue<bool>(), definition.TableName);
            Assert.True(table["DeletionProtectionEnabled"]!.GetValue<bool>(), definition.TableName);
            Assert.Equal(TableDefinitions.TimeToLive.GetValueOrDefault(definition.TableName), table["TimeToLiveSpecification"]?["AttributeName"]?.GetValue<string>());
        }
        SynthesizedStack.Template.AllResources("AWS::DynamoDB::Table", new Dictionary<string, object> { ["DeletionPolicy"] = "Retain" });
    }

    [Fact]
    public void Each_task_role_grants_exactly_its_services_actions_on_exactly_its_queues_and_tables()
    {
        var queueIds = SynthesizedStack.Resources(Json, "AWS::SQS::Queue").ToDictionary(q => q.Properties["QueueName"]!.GetValue<string>(), q => q.Id);
        var tableIds = SynthesizedStack.Resources(Json, "AWS::DynamoDB::Table").ToDictionary(t => t.Properties["TableName"]!.GetValue<string>(), t => t.Id);
        var roles = SynthesizedStack.Resources(Json, "AWS::IAM::Role")
            .Where(r => r.Properties["Description"]?.GetValue<string>() is { } d && d.StartsWith("GymIoT ", StringComparison.Ordinal))
            .ToDictionary(r => r.Properties["Description"]!.GetValue<string>().Split(' ', ':')[1], r => r.Id);

        Assert.Equal(GymIoTStack.Replicas.Keys.Order(), roles.Keys.Order());
        foreach (var (service, roleId) in roles)
        {
            var access = ServiceAccess.Of(service);
            var statements = SynthesizedStack.Resources(Json, "AWS::IAM::Policy")
                .Where(p => p.Properties["Roles"]!.AsArray().Any(r => r!["Ref"]?.GetValue<string>() == roleId))
                .SelectMany(p => p.Properties["PolicyDocument"]!["Statement"]!.AsArray())
                .ToDictionary(s => s!["Sid"]!.GetValue<string>(), s => s!);

            var expected = access.Queues.Select(g => (Service: "sqs", Grant: g)).Concat(access.Tables.Select(g => (Service: "dynamodb", Grant: g))).ToList();
            Assert.Equal(expected.Count + 2, statements.Count);
            foreach (var (prefix, grant) in expected)
            {
                var statement = statements.Values.Single(s => Resources(s).Any(r => Refers(r, prefix == "sqs" ? queueIds.GetValueOrDefault(grant.Resource) : tableIds[grant.Resource], grant.Resource))
                    && Actions(s).First().StartsWith(prefix + ":", StringComparison.Ordinal));
                Assert.Equal("Allow", statement["Effect"]!.GetValue<string>());
                Assert.Equal(grant.Actions.Select(a => $"{prefix}:{a}").Order(), Actions(statement).Order());
            }
            Assert.Equal(["logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents"], Actions(statements["WriteMetrics"]).Order());
            Assert.Equal(["xray:GetSamplingRules", "xray:GetSamplingTargets", "xray:PutTelemetryRecords", "xray:PutTraceSegments"], Actions(statements[PolicyWaivers.XRayTraces.Sid]).Order());
        }
    }

    [Fact]
    public void The_dashboard_is_behind_https_with_sticky_sessions_and_the_services_run_without_public_addresses()
    {
        SynthesizedStack.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::Listener", new Dictionary<string, object>
        {
            ["Protocol"] = "HTTPS",
            ["Port"] = 443,
        });
        SynthesizedStack.Template.HasResourceProperties("AWS::ElasticLoadBalancingV2::TargetGroup", new Dictionary<string, object>
        {
            ["TargetGroupAttributes"] = Match.ArrayWith([
                Match.ObjectLike(new Dictionary<string, object> { ["Key"] = "stickiness.enabled", ["Value"] = "true" }),
                Match.ObjectLike(new Dictionary<string, object> { ["Key"] = "stickiness.type", ["Value"] = "lb_cookie" }),
            ]),
        });
        var services = SynthesizedStack.Resources(Json, "AWS::ECS::Service").ToDictionary(s => s.Properties["ServiceName"]!.GetValue<string>(), s => s.Properties);
        Assert.Equal(GymIoTStack.Replicas.Keys.Order(), services.Keys.Order());
        foreach (var (name, service) in services)
        {
            Assert.Equal(GymIoTStack.Replicas[name], service["DesiredCount"]!.GetValue<int>());
            Assert.Equal("DISABLED", service["NetworkConfiguration"]!["AwsvpcConfiguration"]!["AssignPublicIp"]!.GetValue<string>());
        }
    }

    [Fact]
    public void The_secrets_come_from_secrets_manager_and_never_appear_in_the_template()
    {
        var containers = SynthesizedStack.Resources(Json, "AWS::ECS::TaskDefinition").SelectMany(t => t.Properties["ContainerDefinitions"]!.AsArray()).ToList();
        var secrets = containers.SelectMany(c => c!["Secrets"]?.AsArray() ?? []).Select(s => s!["Name"]!.GetValue<string>()).ToList();

        Assert.Equal(3, secrets.Count(s => s == "Smtp__Password"));
        Assert.Single(secrets, "Ifttt__Key");
        Assert.DoesNotContain(containers.SelectMany(c => c!["Environment"]?.AsArray() ?? []), e => e!["Name"]!.GetValue<string>() is "Smtp__Password" or "Ifttt__Key");
    }

    [Fact]
    public void Every_service_container_runs_with_the_process_environment_the_AppHost_gives()
    {
        var containers = SynthesizedStack.Resources(Json, "AWS::ECS::TaskDefinition").SelectMany(t => t.Properties["ContainerDefinitions"]!.AsArray())
            .Where(c => GymIoTStack.Replicas.ContainsKey(c!["Name"]!.GetValue<string>())).ToList();

        Assert.Equal(GymIoTStack.Replicas.Count, containers.Count);
        foreach (var container in containers)
        {
            // Some values are CloudFormation expressions, not text: only the process environment's own are read.
            var environment = container!["Environment"]!.AsArray().ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["Value"]);
            Assert.All(ServiceProcess.EnvironmentOf(container["Name"]!.GetValue<string>()), variable => Assert.Equal(variable.Value, environment.GetValueOrDefault(variable.Key)?.GetValue<string>()));
        }
    }

    [Fact]
    public void The_dashboard_believes_the_forwarded_client_address_of_the_VPCs_range_only()
    {
        var vpc = Assert.Single(SynthesizedStack.Resources(Json, "AWS::EC2::VPC")).Id;
        var environment = DashboardEnvironment();

        Assert.DoesNotContain("ASPNETCORE_FORWARDEDHEADERS_ENABLED", environment.Keys);
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{vpc}\",\"CidrBlock\"]}}", environment["Proxy__TrustedNetworks__0"]!.ToJsonString());
    }

    [Fact]
    public void The_load_balancer_forwards_the_dashboards_own_domain_only_and_never_its_full_health_check()
    {
        var listener = Assert.Single(SynthesizedStack.Resources(Json, "AWS::ElasticLoadBalancingV2::Listener"));
        var rules = SynthesizedStack.Resources(Json, "AWS::ElasticLoadBalancingV2::ListenerRule").Select(r => r.Properties).ToList();
        var domain = "{\"Ref\":\"DashboardDomain\"}";

        Assert.Equal("fixed-response", listener.Properties["DefaultActions"]![0]!["Type"]!.GetValue<string>());
        var health = Assert.Single(rules, r => r["Conditions"]![0]!["Field"]!.GetValue<string>() == "path-pattern");
        Assert.Equal("fixed-response", health["Actions"]![0]!["Type"]!.GetValue<string>());
        var publicHost = Assert.Single(rules, r => r["Conditions"]![0]!["Field"]!.GetValue<string>() == "host-header");
        Assert.Equal(domain, publicHost["Conditions"]![0]!["HostHeaderConfig"]!["Values"]![0]!.ToJsonString());
        Assert.Equal("forward", publicHost["Actions"]![0]!["Type"]!.GetValue<string>());
        Assert.True(health["Priority"]!.GetValue<int>() < publicHost["Priority"]!.GetValue<int>(), "the health rule comes first");
        var environment = DashboardEnvironment();
        Assert.Equal(domain, environment["AllowedHosts"]!.ToJsonString());
        Assert.Contains("https://", environment["Dashboard__PublicUrl"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_dashboards_key_ring_is_wrapped_by_a_rotated_KMS_key_that_only_the_dashboards_role_may_use()
    {
        var (keyId, key) = Assert.Single(SynthesizedStack.Resources(Json, "AWS::KMS::Key"));
        var dashboardRole = SynthesizedStack.Resources(Json, "AWS::IAM::Role")
            .Single(r => r.Properties["Description"]?.GetValue<string>()?.StartsWith($"GymIoT {ServiceNames.Dashboard}:", StringComparison.Ordinal) == true).Id;
        string[] use = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant"];

        Assert.True(key["EnableKeyRotation"]!.GetValue<bool>());
        Assert.Equal("Retain", Json["Resources"]![keyId]!["DeletionPolicy"]!.GetValue<string>());
        var statements = key["KeyPolicy"]!["Statement"]!.AsArray().Select(s => s!).ToList();
        Assert.All(statements.SelectMany(Actions), a => Assert.False(a.Contains('*', StringComparison.Ordinal), $"{a} is a wildcard"));
        var users = statements.Where(s => Actions(s).Any(use.Contains)).ToList();
        var user = Assert.Single(users);
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{dashboardRole}\",\"Arn\"]}}", user["Principal"]!["AWS"]!.ToJsonString());
        Assert.Equal(["kms:Decrypt", "kms:Encrypt"], Actions(user).Order());
        // The context the dashboard sends is the one the policy requires.
        Assert.Equal(KmsKeyWrap.ContextValue, user["Condition"]!["StringEquals"]![$"kms:EncryptionContext:{KmsKeyWrap.ContextKey}"]!.GetValue<string>());
        Assert.Equal($"{{\"Fn::GetAtt\":[\"{keyId}\",\"Arn\"]}}", DashboardEnvironment()["KeyRing__KmsKeyId"]!.ToJsonString());
    }

    [Fact]
    public void The_dashboards_live_queues_refuse_requests_without_TLS_as_the_stacks_queues_do()
    {
        var deployed = SynthesizedStack.Resources(Json, "AWS::SQS::QueuePolicy").First().Properties["PolicyDocument"]!["Statement"]!.AsArray()
            .Single(s => s!["Effect"]!.GetValue<string>() == "Deny")!;

        TlsOnlyPolicy.AssertIsOne(deployed);
        TlsOnlyPolicy.AssertIsOne(Assert.Single(JsonNode.Parse(GymIoT.Dashboard.Live.LiveQueuePolicy.TlsOnly("arn:aws:sqs:eu-west-1:123456789012:Live-0"))!["Statement"]!.AsArray())!);
    }

    private static Dictionary<string, JsonNode?> DashboardEnvironment() =>
        SynthesizedStack.Resources(Json, "AWS::ECS::TaskDefinition").SelectMany(t => t.Properties["ContainerDefinitions"]!.AsArray())
            .Single(c => c!["Name"]!.GetValue<string>() == ServiceNames.Dashboard)!["Environment"]!.AsArray()
            .ToDictionary(e => e!["Name"]!.GetValue<string>(), e => e!["Value"]);

    private static string Keys(IEnumerable<(string Name, string Type)> keys) => string.Join(",", keys.Select(k => $"{k.Name}:{k.Type}"));

    private static string Keys(JsonNode keys) => Keys(keys.AsArray().Select(k => (k!["AttributeName"]!.GetValue<string>(), k["KeyType"]!.GetValue<string>())));

    private static IEnumerable<string> Actions(JsonNode statement) => SynthesizedStack.OneOrMany(statement["Action"]).Select(a => a.GetValue<string>());

    private static IEnumerable<JsonNode> Resources(JsonNode statement) => SynthesizedStack.OneOrMany(statement["Resource"]);

    /// <summary>Whether a statement's resource is the queue or table with that logical id, or the live queues' name prefix.</summary>
    private static bool Refers(JsonNode resource, string? logicalId, string name) =>
        logicalId is null
            ? name == ServiceAccess.LiveQueues && resource.ToJsonString().Contains($":{ServiceAccess.LiveQueues}", StringComparison.Ordinal)
            : resource is JsonObject { } o && o["Fn::GetAtt"] is JsonArray getAtt && getAtt[0]!.GetValue<string>() == logicalId && getAtt[1]!.GetValue<string>() == "Arn";
}
