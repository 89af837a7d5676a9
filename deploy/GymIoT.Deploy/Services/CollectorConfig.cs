namespace GymIoT.Deploy.Services;

/// <summary>
/// The OpenTelemetry collector's configuration (AWS Distro, given as <c>AOT_CONFIG_CONTENT</c>): OTLP over HTTP from the
/// service on localhost; traces to X-Ray, metrics to CloudWatch in embedded metric format, in GymIoT's own log group.
/// Logs go to CloudWatch Logs through the container's log driver.
/// </summary>
public static class CollectorConfig
{
    public const string MetricsLogGroupName = "/gymiot/metrics";

    public static string Yaml => $$"""
        receivers:
          otlp:
            protocols:
              http:
                endpoint: 127.0.0.1:4318
        processors:
          batch:
        exporters:
          awsxray:
          awsemf:
            namespace: GymIoT
            log_group_name: {{MetricsLogGroupName}}
            log_stream_name: "{TaskId}"
            resource_to_telemetry_conversion:
              enabled: true
        service:
          pipelines:
            traces:
              receivers: [otlp]
              processors: [batch]
              exporters: [awsxray]
            metrics:
              receivers: [otlp]
              processors: [batch]
              exporters: [awsemf]
        """;
}
