namespace GymIoT.Deploy.Security;

/// <summary>A statement the policy suite lets through, named by its Sid, with the reason it cannot be narrower.</summary>
public sealed record PolicyWaiver(string Sid, string Reason);

/// <summary>Every exception to the policy suite's rules, each with its reason. A rule broken by anything else fails the build.</summary>
public static class PolicyWaivers
{
    public static PolicyWaiver EcrAuthorizationToken { get; } = new("EcrAuthorizationToken",
        "ecr:GetAuthorizationToken takes no resource: IAM accepts only * for it. Pulls are limited to gymiot/* by the statement beside it.");

    public static PolicyWaiver XRayTraces { get; } = new("XRayTraces",
        "X-Ray's actions take no resource: IAM accepts only * for them. They write traces and read sampling rules, nothing else.");

    public static IReadOnlyList<PolicyWaiver> All { get; } = [EcrAuthorizationToken, XRayTraces];
}
