using GymIoT.Core.Aws;

namespace GymIoT.Tests.Infrastructure;

/// <summary>
/// Holds every AWS request a running service sent (its <c>gymiot.sqs.requests</c> and <c>gymiot.dynamodb.requests</c>
/// counters, by operation and resource) to what <see cref="ServiceAccess"/> grants it: a request it does not grant would be
/// refused by the service's task role on AWS.
/// </summary>
public static class AwsAccessAudit
{
    public const string SqsRequests = "gymiot.sqs.requests";
    public const string DynamoDbRequests = "gymiot.dynamodb.requests";

    /// <summary>Each request a service sent that its grants do not allow, as "service: sqs Operation on Resource".</summary>
    public static IReadOnlyList<string> Violations(OtlpReceiver telemetry, string service)
    {
        var access = ServiceAccess.Of(service);
        return
        [
            .. Requests(telemetry, service, SqsRequests).Where(r => !access.AllowsSqs(r.Operation, r.Resource)).Select(r => $"{service}: sqs {r.Operation} on '{r.Resource}'"),
            .. Requests(telemetry, service, DynamoDbRequests).Where(r => !access.AllowsDynamoDb(r.Operation, r.Resource)).Select(r => $"{service}: dynamodb {r.Operation} on '{r.Resource}'"),
        ];
    }

    /// <summary>The operations and resources a service's requests were about, as it last exported them.</summary>
    public static IReadOnlyList<(string Operation, string Resource)> Requests(OtlpReceiver telemetry, string service, string metric) =>
        [.. telemetry.CounterPoints(service, metric)
            .Where(p => p.Value > 0)
            .Select(p => (p.Attributes.GetValueOrDefault("aws.operation") ?? "", p.Attributes.GetValueOrDefault("aws.resource") ?? ""))
            .Distinct()
            .Order()];
}
