using System.Text.Json.Nodes;
using GymIoT.Deploy.Security;

namespace GymIoT.Tests.Deploy;

/// <summary>
/// Checks a synthesized CloudFormation template against the rules GymIoT holds its AWS stack to, in the spirit of cdk-nag's
/// AWS Solutions pack: encrypted queues and tables, tables with point-in-time recovery and deletion protection, no IAM
/// statement with a <c>*</c> action or (but for a named <see cref="PolicyWaivers">waiver</see>) a <c>*</c> resource, and never
/// a <c>*</c> resource on SQS, DynamoDB or Secrets Manager; TLS on every listener; no task with a public address; no
/// security group open to the world but the load balancer's on 443; a retention on every log group.
/// </summary>
public static partial class PolicySuite
{
    private static readonly string[] NeverWildcard = ["sqs:", "dynamodb:", "secretsmanager:"];

    /// <returns>Each rule the template breaks, as "resource: what is wrong".</returns>
    public static IReadOnlyList<string> Check(JsonObject template, IReadOnlyList<PolicyWaiver> waivers) =>
    [
        .. Each(template, "AWS::SQS::Queue", (id, p) =>
            p["SqsManagedSseEnabled"]?.GetValue<bool>() == true || p["KmsMasterKeyId"] is not null ? null : $"{id}: the queue is not encrypted"),
        .. Each(template, "AWS::DynamoDB::Table", (id, p) =>
            p["SSESpecification"]?["SSEEnabled"]?.GetValue<bool>() == true ? null : $"{id}: the table is not encrypted with a KMS key"),
        .. Each(template, "AWS::DynamoDB::Table", (id, p) =>
            p["PointInTimeRecoverySpecification"]?["PointInTimeRecoveryEnabled"]?.GetValue<bool>() == true ? null : $"{id}: the table has no point-in-time recovery"),
        .. Each(template, "AWS::DynamoDB::Table", (id, p) =>
            p["DeletionProtectionEnabled"]?.GetValue<bool>() == true ? null : $"{id}: the table has no deletion protection"),
        .. Statements(template).SelectMany(s => StatementProblems(s.Id, s.Statement, waivers)),
        .. Each(template, "AWS::ElasticLoadBalancingV2::Listener", (id, p) =>
            p["Protocol"]?.GetValue<string>() is "HTTPS" or "TLS" && p["Certificates"] is JsonArray { Count: > 0 } ? null : $"{id}: the listener does not use TLS"),
        .. Each(template, "AWS::ECS::Service", (id, p) =>
            p["NetworkConfiguration"]?["AwsvpcConfiguration"]?["AssignPublicIp"]?.GetValue<string>() == "ENABLED" ? $"{id}: its tasks get a public IP" : null),
        .. OpenIngress(template),
        .. Each(template, "AWS::Logs::LogGroup", (id, p) => p["RetentionInDays"] is null ? $"{id}: the log group keeps its logs forever" : null),
    ];

    /// <summary>The waivers of <paramref name="waivers"/> that no statement of the template needs.</summary>
    public static IEnumerable<PolicyWaiver> Unused(JsonObject template, IReadOnlyList<PolicyWaiver> waivers) =>
        waivers.Where(w => !Statements(template).Any(s => s.Statement["Sid"]?.GetValue<string>() == w.Sid && Resources(s.Statement).Contains("*")));

    private static IEnumerable<string> Each(JsonObject template, string type, Func<string, JsonObject, string?> problem) =>
        SynthesizedStack.Resources(template, type).Select(r => problem(r.Id, r.Properties)).OfType<string>();

    /// <summary>Every statement of every identity policy: policies, managed policies and roles' inline policies.</summary>
    private static IEnumerable<(string Id, JsonObject Statement)> Statements(JsonObject template) =>
        SynthesizedStack.Resources(template, "AWS::IAM::Policy").Select(p => (p.Id, p.Properties["PolicyDocument"]))
            .Concat(SynthesizedStack.Resources(template, "AWS::IAM::ManagedPolicy").Select(p => (p.Id, p.Properties["PolicyDocument"])))
            .Concat(SynthesizedStack.Resources(template, "AWS::IAM::Role").SelectMany(r => (r.Properties["Policies"]?.AsArray() ?? []).Select(p => (r.Id, p!["PolicyDocument"]))))
            .SelectMany(d => (d.Item2?["Statement"]?.AsArray() ?? []).Select(s => (d.Id, s!.AsObject())));

    private static IEnumerable<string> StatementProblems(string id, JsonObject statement, IReadOnlyList<PolicyWaiver> waivers)
    {
        var name = $"{id} ({statement["Sid"]?.GetValue<string>() ?? "no Sid"})";
        if (statement["Effect"]?.GetValue<string>() != "Allow")
        {
            yield break;
        }
        if (statement["NotAction"] is not null || statement["NotResource"] is not null)
        {
            yield return $"{name}: allows by NotAction or NotResource";
        }
        var actions = Strings(statement["Action"]).ToList();
        if (actions.FirstOrDefault(a => a == "*" || a.EndsWith(":*", StringComparison.Ordinal)) is { } wildcard)
        {
            yield return $"{name}: allows the action {wildcard}";
        }
        var wildcardResources = Resources(statement).Where(IsWildcard).ToList();
        if (wildcardResources.Count == 0)
        {
            yield break;
        }
        if (actions.FirstOrDefault(a => NeverWildcard.Any(p => a.StartsWith(p, StringComparison.Ordinal))) is { } guarded)
        {
            yield return $"{name}: allows {guarded} on {wildcardResources[0]}";
        }
        else if (!waivers.Any(w => w.Sid == statement["Sid"]?.GetValue<string>()))
        {
            yield return $"{name}: allows {string.Join(", ", actions)} on {wildcardResources[0]} and no waiver names it";
        }
    }

    /// <summary>
    /// A resource that is <c>*</c>, or an ARN whose resource part is only <c>*</c> or a type and <c>*</c> (every queue, table
    /// or secret); a name prefix such as <c>Live-*</c> or <c>repository/gymiot/*</c> is not.
    /// </summary>
    private static bool IsWildcard(string resource) =>
        resource == "*" || resource.Split(':', 6) is ["arn", _, _, _, _, var part] && (part == "*" || WholeType().IsMatch(part));

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z-]+[:/]\*$")]
    private static partial System.Text.RegularExpressions.Regex WholeType();

    /// <summary>A statement's resources; an intrinsic function (a reference to a resource of the stack) as its JSON.</summary>
    private static IEnumerable<string> Resources(JsonObject statement) => Strings(statement["Resource"]);

    private static IEnumerable<string> Strings(JsonNode? node) => SynthesizedStack.OneOrMany(node).Select(Joined);

    /// <summary>
    /// An <c>Fn::Join</c> read as the string it makes, with <c>${Name}</c> for a reference and <c>${Name.Arn}</c> for an
    /// attribute (their <c>::</c> as dots, so the ARN's colons stay countable); another function as its JSON.
    /// </summary>
    private static string Joined(JsonNode node) => node switch
    {
        JsonValue value => value.GetValue<string>(),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join(join[0]!.GetValue<string>(), join[1]!.AsArray().Select(part => Joined(part!))),
        JsonObject o when o["Ref"] is JsonValue name => $"${{{name.GetValue<string>().Replace("::", ".")}}}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray attribute => $"${{{attribute[0]}.{attribute[1]}}}",
        _ => node.ToJsonString(),
    };

    /// <summary>Ingress open to 0.0.0.0/0 or ::/0, allowed only on 443 and only into a load balancer's security group.</summary>
    private static IEnumerable<string> OpenIngress(JsonObject template)
    {
        var balancerGroups = SynthesizedStack.Resources(template, "AWS::ElasticLoadBalancingV2::LoadBalancer")
            .SelectMany(b => b.Properties["SecurityGroups"]?.AsArray() ?? [])
            .Select(g => g!["Fn::GetAtt"]?[0]?.GetValue<string>())
            .OfType<string>()
            .ToHashSet();
        var rules = SynthesizedStack.Resources(template, "AWS::EC2::SecurityGroup")
            .SelectMany(g => (g.Properties["SecurityGroupIngress"]?.AsArray() ?? []).Select(rule => (Group: g.Id, Rule: rule!.AsObject())))
            .Concat(SynthesizedStack.Resources(template, "AWS::EC2::SecurityGroupIngress")
                .Select(i => (Group: i.Properties["GroupId"]?["Fn::GetAtt"]?[0]?.GetValue<string>() ?? i.Id, Rule: i.Properties)));
        foreach (var (group, rule) in rules)
        {
            var world = rule["CidrIp"]?.GetValue<string>() == "0.0.0.0/0" || rule["CidrIpv6"]?.GetValue<string>() == "::/0";
            var https = rule["IpProtocol"]?.GetValue<string>() == "tcp" && rule["FromPort"]?.GetValue<int>() == 443 && rule["ToPort"]?.GetValue<int>() == 443;
            if (world && !(https && balancerGroups.Contains(group)))
            {
                yield return $"{group}: open to the world on {rule["IpProtocol"]} {rule["FromPort"]}-{rule["ToPort"]}";
            }
        }
    }
}
