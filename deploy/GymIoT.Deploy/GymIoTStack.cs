using Amazon.CDK;
using Amazon.CDK.AWS.CertificateManager;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.ECS;
using Amazon.CDK.AWS.ECS.Patterns;
using Amazon.CDK.AWS.ElasticLoadBalancingV2;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SecretsManager;
using Constructs;
using GymIoT.Core.Aws;
using GymIoT.Deploy.Data;
using GymIoT.Deploy.Messaging;
using GymIoT.Deploy.Security;
using GymIoT.Deploy.Services;

namespace GymIoT.Deploy;

/// <summary>
/// GymIoT on AWS: the queues and tables (from the same definitions as the AppHost's provisioner), a VPC whose tasks have no
/// public address, and the aggregator, error notifier, coach and dashboard on ECS Fargate, the dashboard behind an HTTPS
/// load balancer with sticky sessions (Blazor Server keeps a circuit per page). Each service runs under its own task role
/// (<see cref="ServiceAccess"/>). Context <c>ifttt=off</c> leaves the IFTTT webhook (and its secret) out.
/// </summary>
public sealed class GymIoTStack : Stack
{
    public const string DefaultName = "GymIoT";

    /// <summary>Replicas of each service: two of each that may run twice, so a task's loss or a deployment stops nothing.</summary>
    public static IReadOnlyDictionary<string, int> Replicas { get; } = new Dictionary<string, int>
    {
        [ServiceNames.Aggregator] = 2,
        [ServiceNames.ErrorNotifier] = 1,
        [ServiceNames.Coach] = 2,
        [ServiceNames.Dashboard] = 2,
    };

    public GymIoTStack(Construct scope, string id, IStackProps? props = null) : base(scope, id, props)
    {
        var parameters = new DeployParameters(this);
        var queues = new GymIoTQueues(this, "Queues");
        var tables = new GymIoTTables(this, "Tables");

        var vpc = new Vpc(this, "Vpc", new VpcProps
        {
            MaxAzs = 2,
            NatGateways = 1,
            SubnetConfiguration =
            [
                new SubnetConfiguration { Name = "public", SubnetType = SubnetType.PUBLIC, CidrMask = 24 },
                new SubnetConfiguration { Name = "services", SubnetType = SubnetType.PRIVATE_WITH_EGRESS, CidrMask = 22 },
            ],
            // DynamoDB traffic stays in the VPC and costs no NAT processing.
            GatewayEndpoints = new Dictionary<string, IGatewayVpcEndpointOptions>
            {
                ["DynamoDb"] = new GatewayVpcEndpointOptions { Service = GatewayVpcEndpointAwsService.DYNAMODB },
            },
        });
        // Refused connections are kept a month: who knocked where, for an investigation.
        vpc.AddFlowLog("RejectedTraffic", new FlowLogOptions
        {
            TrafficType = FlowLogTrafficType.REJECT,
            Destination = FlowLogDestination.ToCloudWatchLogs(new LogGroup(this, "FlowLogs", new LogGroupProps
            {
                LogGroupName = "/gymiot/vpc-rejected",
                Retention = RetentionDays.ONE_MONTH,
                RemovalPolicy = RemovalPolicy.DESTROY,
            })),
        });
        var cluster = new Cluster(this, "Cluster", new ClusterProps { Vpc = vpc, ContainerInsights = true });
        var metrics = new LogGroup(this, "Metrics", new LogGroupProps
        {
            LogGroupName = CollectorConfig.MetricsLogGroupName,
            Retention = RetentionDays.ONE_MONTH,
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        var smtpPassword = Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(this, "SmtpPassword", SecretNames.SmtpPassword);
        var mail = new Dictionary<string, string>
        {
            ["Smtp__Host"] = parameters.SmtpHost.ValueAsString,
            ["Smtp__Port"] = parameters.SmtpPort.ValueAsString,
            ["Smtp__Security"] = "StartTls",
            ["Smtp__UserName"] = parameters.SmtpUserName.ValueAsString,
            ["Smtp__From"] = parameters.SmtpFrom.ValueAsString,
        };
        var mailSecret = new Dictionary<string, ISecret> { ["Smtp__Password"] = smtpPassword };
        var gym = new Dictionary<string, string> { ["Gym__TimeZone"] = parameters.TimeZone.ValueAsString };

        var notifierSecrets = new Dictionary<string, ISecret>(mailSecret);
        if (Node.TryGetContext("ifttt") as string != "off")
        {
            notifierSecrets["Ifttt__Key"] = Amazon.CDK.AWS.SecretsManager.Secret.FromSecretNameV2(this, "IftttKey", SecretNames.IftttKey);
        }

        var shapes = new[]
        {
            new ServiceShape(ServiceNames.Aggregator, 512, 1024, gym, new Dictionary<string, ISecret>()),
            new ServiceShape(ServiceNames.ErrorNotifier, 256, 512, new Dictionary<string, string>(gym.Concat(mail)) { ["Smtp__To"] = parameters.SmtpTo.ValueAsString }, notifierSecrets),
            new ServiceShape(ServiceNames.Coach, 512, 1024, new Dictionary<string, string>(gym.Concat(mail)), mailSecret),
            new ServiceShape(ServiceNames.Dashboard, 512, 1024,
                // The load balancer sends from the VPC's range; members reach the dashboard at its domain only.
                new Dictionary<string, string>(gym.Concat(mail).Concat(LoadBalancerProxy.EnvironmentFor(vpc.VpcCidrBlock)))
                {
                    ["Dashboard__PublicUrl"] = $"https://{parameters.DashboardDomain.ValueAsString}",
                    ["AllowedHosts"] = parameters.DashboardDomain.ValueAsString,
                    ["DemoAccounts__Enabled"] = "false",
                },
                mailSecret),
        };

        foreach (var shape in shapes)
        {
            var role = new TaskRole(this, $"{shape.Name}-role", ServiceAccess.Of(shape.Name), queues, tables);
            var service = shape.Name == ServiceNames.Dashboard
                ? shape with { Environment = new Dictionary<string, string>(shape.Environment) { ["KeyRing__KmsKeyId"] = new KeyRingKey(this, "KeyRingKey", role.Role).Arn } }
                : shape;
            var task = new ServiceTask(this, $"{shape.Name}-task", service, role.Role,
                ContainerImage.FromRegistry(parameters.Images[shape.Name].ValueAsString),
                ContainerImage.FromRegistry(parameters.CollectorImage.ValueAsString), metrics);
            if (shape.Name == ServiceNames.Dashboard)
            {
                Dashboard = AddDashboard(cluster, task.Definition, parameters);
            }
            else
            {
                _ = new FargateService(this, shape.Name, new FargateServiceProps
                {
                    ServiceName = shape.Name,
                    Cluster = cluster,
                    TaskDefinition = task.Definition,
                    DesiredCount = Replicas[shape.Name],
                    AssignPublicIp = false,
                    VpcSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
                    CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
                });
            }
        }
    }

    public ApplicationLoadBalancedFargateService Dashboard { get; private set; } = null!;

    private ApplicationLoadBalancedFargateService AddDashboard(Cluster cluster, FargateTaskDefinition task, DeployParameters parameters)
    {
        var dashboard = new ApplicationLoadBalancedFargateService(this, ServiceNames.Dashboard, new ApplicationLoadBalancedFargateServiceProps
        {
            ServiceName = ServiceNames.Dashboard,
            Cluster = cluster,
            TaskDefinition = task,
            DesiredCount = Replicas[ServiceNames.Dashboard],
            PublicLoadBalancer = true,
            Protocol = ApplicationProtocol.HTTPS,
            ListenerPort = 443,
            Certificate = Certificate.FromCertificateArn(this, "Certificate", parameters.CertificateArn.ValueAsString),
            SslPolicy = SslPolicy.RECOMMENDED_TLS,
            // Port 80 stays closed: the load balancer is reachable on 443 only.
            RedirectHTTP = false,
            AssignPublicIp = false,
            TaskSubnets = new SubnetSelection { SubnetType = SubnetType.PRIVATE_WITH_EGRESS },
            CircuitBreaker = new DeploymentCircuitBreaker { Rollback = true },
        });
        // Who asked the load balancer for what, kept three months.
        dashboard.LoadBalancer.LogAccessLogs(new Bucket(this, "AccessLogs", new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            LifecycleRules = [new LifecycleRule { Expiration = Duration.Days(90) }],
            RemovalPolicy = RemovalPolicy.RETAIN,
        }), ServiceNames.Dashboard);
        // A Blazor Server page keeps its circuit on one task; the cookie brings its requests back there.
        dashboard.TargetGroup.EnableCookieStickiness(Duration.Hours(8));
        dashboard.TargetGroup.ConfigureHealthCheck(new Amazon.CDK.AWS.ElasticLoadBalancingV2.HealthCheck { Path = "/alive" });
        // Only requests for the dashboard's own domain reach it, and never its full health check, which calls AWS: that is
        // for the VPC (the load balancer probes /alive).
        dashboard.Listener.AddAction("HealthInsideOnly", new AddApplicationActionProps
        {
            Priority = 10,
            Conditions = [ListenerCondition.PathPatterns(["/health", "/health/*"])],
            Action = ListenerAction.FixedResponse(404, new FixedResponseOptions { ContentType = "text/plain", MessageBody = "Not found" }),
        });
        dashboard.Listener.AddAction("PublicHostOnly", new AddApplicationActionProps
        {
            Priority = 20,
            Conditions = [ListenerCondition.HostHeaders([parameters.DashboardDomain.ValueAsString])],
            Action = ListenerAction.Forward([dashboard.TargetGroup]),
        });
        dashboard.Listener.AddAction("UnknownHost", new AddApplicationActionProps
        {
            Action = ListenerAction.FixedResponse(421, new FixedResponseOptions { ContentType = "text/plain", MessageBody = "Misdirected request" }),
        });
        return dashboard;
    }
}
