using System.Diagnostics.Metrics;
using Amazon.Runtime;
using GymIoT.Core.Telemetry;

namespace GymIoT.Core.Aws;

/// <summary>
/// Counts every request a service's AWS clients send, by operation: <c>gymiot.dynamodb.requests</c> and <c>gymiot.sqs.requests</c>,
/// so the cost of a page or a batch in AWS calls can be read from the service's own metrics.
/// </summary>
public sealed class AwsRequestMetrics(ServiceTelemetry telemetry)
{
    /// <summary>Counts the requests of <paramref name="client"/> from now on, as <c>gymiot.{service}.requests</c>; returns it.</summary>
    public TClient Observe<TClient>(TClient client, string service) where TClient : AmazonServiceClient
    {
        var requests = telemetry.Meter.CreateCounter<long>($"gymiot.{service}.requests", "{request}", $"Requests sent to {service} (or its emulator), by operation.");
        client.BeforeRequestEvent += (_, e) =>
        {
            if (e is WebServiceRequestEventArgs { Request: { } request })
            {
                var operation = request.GetType().Name;
                requests.Add(1, new KeyValuePair<string, object?>("aws.operation", operation.EndsWith("Request", StringComparison.Ordinal) ? operation[..^"Request".Length] : operation));
            }
        };
        return client;
    }
}
