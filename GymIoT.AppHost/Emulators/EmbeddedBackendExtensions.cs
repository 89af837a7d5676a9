using GymIoT.AppHost.Backend;
using Microsoft.Extensions.Configuration;

namespace GymIoT.AppHost.Emulators;

public static class EmbeddedBackendExtensions
{
    private const string Loopback = "127.0.0.1";

    /// <summary>
    /// The embedded AWS backend: fauxqs (SQS) and dynalite (DynamoDB), both keeping their data on disk, dynamodb-admin and
    /// maildev, each a Node.js process listening on 127.0.0.1 only and refusing other web pages' requests, then provisioning.
    /// </summary>
    public static AwsBackend AddEmbeddedAwsBackend(this IDistributedApplicationBuilder builder, string region)
    {
        var options = EmulatorOptions.Of(builder);
        var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
        var packageDirectory = Path.GetFullPath(options.PackageDirectory, repositoryRoot);
        var dataDirectory = options.DataDirectoryOf(builder);
        var queueData = Directory.CreateDirectory(Path.Combine(dataDirectory, "fauxqs")).FullName;
        var tableData = Directory.CreateDirectory(Path.Combine(dataDirectory, "dynalite")).FullName;
        var node = NodeRuntime.Find(packageDirectory);
        int? Port(int conventional) => options.Ports == EmulatorPorts.Conventional ? conventional : null;

        var sqs = builder.AddNodeEmulator("sqs", node, packageDirectory, "fauxqs.mjs", "./keep-fauxqs-receive-counts.cjs", "./sync-fauxqs-at-checkpoints.cjs", "./skip-abandoned-fauxqs-receives.cjs")
            .WithHttpEndpoint(port: Port(4566), targetPort: Port(4566), env: "FAUXQS_PORT", isProxied: false)
            .WithEnvironment("FAUXQS_HOST", Loopback)
            .WithEnvironment("FAUXQS_PERSISTENCE", "true")
            .WithEnvironment("FAUXQS_DATA_DIR", queueData)
            // node:sqlite, under fauxqs's persistence, warns at every start that it is experimental: not a fault to show ops.
            .WithEnvironment("NODE_OPTIONS", "--disable-warning=ExperimentalWarning")
            .WithHttpHealthCheck("/health")
            .WithUrlForEndpoint("http", url => url.DisplayText = "SQS (fauxqs)");
        var sqsEndpoint = sqs.GetEndpoint("http");

        var dynamoDb = builder.AddNodeEmulator("dynamodb", node, packageDirectory, "node_modules/dynalite/cli.js", "./close-dynalite-iterators.cjs", "./cache-dynalite-expressions.cjs", "./range-dynalite-key-streams.cjs", "./size-dynalite-write-buffer.cjs")
            .WithHttpEndpoint(port: Port(8000), targetPort: Port(8000), isProxied: false)
            .WithArgs("--host", Loopback, "--path", tableData)
            .WithTargetPortArgument("--port")
            .WithHttpHealthCheck("/")
            .WithUrlForEndpoint("http", url => url.DisplayText = "DynamoDB (dynalite)");
        var dynamoDbEndpoint = dynamoDb.GetEndpoint("http");

        var databaseAdmin = builder.AddNodeEmulator("dynamodb-admin", node, packageDirectory, "node_modules/dynamodb-admin/dist/dynamodb-admin.js")
            .WithHttpEndpoint(port: Port(8001), targetPort: Port(8001), isProxied: false)
            .WithArgs("--host", Loopback)
            .WithTargetPortArgument("--port")
            .WithEnvironment("DYNAMO_ENDPOINT", dynamoDbEndpoint)
            .WithEnvironment("AWS_REGION", region)
            .WithEnvironment("AWS_ACCESS_KEY_ID", AwsBackend.EmulatorCredential)
            .WithEnvironment("AWS_SECRET_ACCESS_KEY", AwsBackend.EmulatorCredential)
            .WithHttpHealthCheck("/")
            .WithUrlForEndpoint("http", url => url.DisplayText = "DynamoDB admin")
            .WaitFor(dynamoDb);

        var mailCatcher = builder.AddNodeEmulator("maildev", node, packageDirectory, "node_modules/maildev/dist/bin/maildev.js")
            .WithHttpEndpoint(port: Port(1080), targetPort: Port(1080), isProxied: false)
            .WithEndpoint(port: Port(1025), targetPort: Port(1025), scheme: "smtp", name: "smtp", isProxied: false)
            .WithArgs("--ip", Loopback, "--web-ip", Loopback)
            .WithTargetPortArgument("--web", "http")
            .WithTargetPortArgument("--smtp", "smtp")
            .WithHttpHealthCheck("/api/healthz")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Mail inbox (maildev)")
            .WithUrlForEndpoint("smtp", url => url.DisplayLocation = UrlDisplayLocation.DetailsOnly);

        var provisioning = builder.AddAwsProvisioning("aws-provisioning", () => AwsBackend.EmulatorSettings(region, sqsEndpoint, dynamoDbEndpoint))
            .WaitFor(sqs)
            .WaitFor(dynamoDb);

        return new AwsBackend(region)
        {
            SqsEndpoint = sqsEndpoint,
            DynamoDbEndpoint = dynamoDbEndpoint,
            Provisioning = provisioning,
            MailCatcher = mailCatcher,
            DatabaseAdmin = databaseAdmin,
        };
    }

    /// <summary>
    /// An emulator run by the bundled Node.js with <c>loopback-only.cjs</c>, <c>same-origin-only.cjs</c> and any <paramref name="fixes"/> preloaded
    /// (scripts in the package directory that correct a defect of that emulator).
    /// </summary>
    private static IResourceBuilder<ExecutableResource> AddNodeEmulator(
        this IDistributedApplicationBuilder builder, string name, string node, string packageDirectory, string script, params string[] fixes) =>
        builder.AddExecutable(name, node, packageDirectory, ["-r", "./loopback-only.cjs", "-r", "./same-origin-only.cjs", .. fixes.SelectMany(fix => new[] { "-r", fix }), script]);

    private static IResourceBuilder<ExecutableResource> WithTargetPortArgument(
        this IResourceBuilder<ExecutableResource> emulator, string option, string endpointName = "http")
    {
        var endpoint = emulator.GetEndpoint(endpointName);
        return emulator.WithArgs(context =>
        {
            context.Args.Add(option);
            context.Args.Add(endpoint.Property(EndpointProperty.TargetPort));
        });
    }
}
