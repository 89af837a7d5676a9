using System.Text.RegularExpressions;

namespace GymIoT.Deploy.Security;

/// <summary>
/// A finding of cdk-nag's AWS Solutions pack that the stack keeps on purpose: the rule, what it applies to for the
/// granular rules (as cdk-nag writes it, <c>&lt;AWS::Region&gt;</c> and <c>&lt;AWS::AccountId&gt;</c> standing for the
/// deployment's), the resources it may be found on (logical id prefixes), and why.
/// </summary>
public sealed record NagAcknowledgement(string Rule, string? AppliesTo, IReadOnlyList<string> Resources, string Reason)
{
    /// <param name="finding">As cdk-nag names it: <c>AwsSolutions-IAM5[Resource::*]</c>.</param>
    public bool Covers(string finding, string resource)
    {
        var bracket = finding.IndexOf('[');
        var (rule, appliesTo) = bracket < 0 ? (finding, null) : (finding[..bracket], finding[(bracket + 1)..^1]);
        return rule == Rule && Resources.Any(r => resource.StartsWith(r, StringComparison.Ordinal))
            && (AppliesTo is null ? appliesTo is null : appliesTo is not null && Regex.IsMatch(appliesTo, AppliesToPattern));
    }

    private string AppliesToPattern =>
        "^" + Regex.Escape(AppliesTo!).Replace(Regex.Escape("<AWS::Region>"), "[^:]+").Replace(Regex.Escape("<AWS::AccountId>"), "[^:]+") + "$";
}

/// <summary>Every cdk-nag finding the stack keeps, each with its reason. Any other finding fails the deploy tests.</summary>
public static class NagAcknowledgements
{
    private static readonly string[] TaskRolePolicies = ["aggregatorrole", "errornotifierrole", "coachrole", "dashboardrole"];
    private static readonly string[] ExecutionRolePolicies = ["aggregatortaskTaskExecutionRole", "errornotifiertaskTaskExecutionRole", "coachtaskTaskExecutionRole", "dashboardtaskTaskExecutionRole"];

    public static IReadOnlyList<NagAcknowledgement> All { get; } =
    [
        new("AwsSolutions-IAM5", "Resource::*", [.. TaskRolePolicies, .. ExecutionRolePolicies],
            $"{PolicyWaivers.XRayTraces.Reason} {PolicyWaivers.EcrAuthorizationToken.Reason}"),
        new("AwsSolutions-IAM5", "Resource::arn:<AWS::Partition>:sqs:<AWS::Region>:<AWS::AccountId>:Live-*", ["aggregatorrole", "coachrole", "dashboardrole"],
            "Each dashboard makes its own live queue at its start, named Live- and a random suffix: the prefix is the narrowest name the role can know."),
        new("AwsSolutions-IAM5", "Resource::arn:<AWS::Partition>:ecr:<AWS::Region>:<AWS::AccountId>:repository/gymiot/*", ExecutionRolePolicies,
            "Images are pulled from GymIoT's own repositories in this account, whose tags change with every release."),
        new("AwsSolutions-IAM5", "Resource::<Metrics6DBDA108.Arn>:log-stream:*", TaskRolePolicies,
            "The collector writes the metrics of each task to a stream named by the task, in GymIoT's metrics log group only."),
        new("AwsSolutions-ECS2", null, ["aggregatortaskTask", "errornotifiertaskTask", "coachtaskTask", "dashboardtaskTask"],
            "The environment holds settings only (Region, time zone, mail server, telemetry endpoint); the secrets come from Secrets Manager."),
        new("AwsSolutions-EC23", null, ["dashboardLBSecurityGroup"],
            "The dashboard's load balancer is open to the world on 443 only: it is the members' way in."),
        new("AwsSolutions-S1", null, ["AccessLogs"],
            "This bucket holds the load balancer's access logs; logging access to it in yet another bucket would only move the question."),
    ];
}
