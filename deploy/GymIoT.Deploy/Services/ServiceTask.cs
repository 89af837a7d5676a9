using Amazon.CDK;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Constructs;
using GymIoT.Core.Hosting;
using GymIoT.Deploy.Security;

namespace GymIoT.Deploy.Services;

/// <summary>How big a service's task is and what it is told at its start.</summary>
public sealed record ServiceShape(
    string Name,
    int Cpu,
    int MemoryMiB,
    IReadOnlyDictionary<string, string> Environment,
    IReadOnlyDictionary<string, Amazon.CDK.AWS.SecretsManager.ISecret> Secrets);

/// <summary>
/// One service's Fargate task: the service's container (port 8080, logs to its own log group) with its task role, and the
/// OpenTelemetry collector beside it, which takes the OTLP the service sends to localhost and forwards traces to X-Ray
/// and metrics to CloudWatch. The execution role may pull only GymIoT's repositories and read only the service's secrets.
/// </summary>
public sealed class ServiceTask : Construct
{
    public const int ContainerPort = 8080;

    /// <summary>The ECR repositories GymIoT's images are pushed to: <c>gymiot/aggregator</c> and so on.</summary>
    public const string RepositoryPrefix = "gymiot/";

    public ServiceTask(Construct scope, string id, ServiceShape shape, Role taskRole, ContainerImage image, ContainerImage collectorImage, ILogGroup metricsLogGroup)
        : base(scope, id)
    {
        var logGroup = new LogGroup(this, "Logs", new LogGroupProps
        {
            LogGroupName = $"/gymiot/{shape.Name}",
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });
        Definition = new FargateTaskDefinition(this, "Task", new FargateTaskDefinitionProps
        {
            Cpu = shape.Cpu,
            MemoryLimitMiB = shape.MemoryMiB,
            TaskRole = taskRole,
            RuntimePlatform = new RuntimePlatform { CpuArchitecture = CpuArchitecture.X86_64, OperatingSystemFamily = OperatingSystemFamily.LINUX },
        });
        Definition.AddContainer("app", new ContainerDefinitionOptions
        {
            ContainerName = shape.Name,
            Image = image,
            Essential = true,
            PortMappings = [new PortMapping { ContainerPort = ContainerPort }],
            Environment = new Dictionary<string, string>(shape.Environment.Concat(ServiceProcess.EnvironmentOf(shape.Name)))
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_HTTP_PORTS"] = ContainerPort.ToString(),
                ["AWS_REGION"] = Aws.REGION,
                ["OTEL_SERVICE_NAME"] = shape.Name,
                ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://localhost:4318",
                ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            },
            Secrets = shape.Secrets.ToDictionary(s => s.Key, s => Amazon.CDK.AWS.ECS.Secret.FromSecretsManager(s.Value)),
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logGroup, StreamPrefix = shape.Name }),
        });
        Definition.AddContainer("otel-collector", new ContainerDefinitionOptions
        {
            ContainerName = "otel-collector",
            Image = collectorImage,
            Essential = false,
            Environment = new Dictionary<string, string> { ["AOT_CONFIG_CONTENT"] = CollectorConfig.Yaml },
            Logging = LogDriver.AwsLogs(new AwsLogDriverProps { LogGroup = logGroup, StreamPrefix = "otel-collector" }),
        });

        // Images come from GymIoT's repositories in this account only.
        Definition.AddToExecutionRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "PullGymIoTImages",
            Actions = ["ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"],
            Resources = [Stack.Of(this).FormatArn(new ArnComponents { Service = "ecr", Resource = "repository", ResourceName = RepositoryPrefix + "*" })],
        }));
        Definition.AddToExecutionRolePolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = PolicyWaivers.EcrAuthorizationToken.Sid,
            Actions = ["ecr:GetAuthorizationToken"],
            Resources = ["*"],
        }));

        // The collector shares the task role: it writes traces to X-Ray and metrics to one log group.
        taskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = PolicyWaivers.XRayTraces.Sid,
            Actions = ["xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules", "xray:GetSamplingTargets"],
            Resources = ["*"],
        }));
        taskRole.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "WriteMetrics",
            Actions = ["logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"],
            Resources = [metricsLogGroup.LogGroupArn, $"{metricsLogGroup.LogGroupArn}:log-stream:*"],
        }));
    }

    public FargateTaskDefinition Definition { get; }
}
