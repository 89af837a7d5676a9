using GymIoT.AppHost.Backend;
using GymIoT.AppHost.Services;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

var builder = DistributedApplication.CreateBuilder(args);
using var loggerFactory = LoggerFactory.Create(logging => logging.AddConsole());

// AWS backend: queues and tables, provisioned before any service starts
var aws = builder.AddAwsBackend(loggerFactory.CreateLogger("GymIoT.AppHost"));

// Services
var aggregator = builder.AddProject<Projects.GymIoT_Aggregator>("aggregator")
    .WithAwsBackend(aws)
    .WithGymSettings()
    .WithServiceProcess()
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.GymIoT_ErrorNotifier>("error-notifier")
    .WithAwsBackend(aws)
    .WithGymSettings()
    .WithServiceProcess()
    .WithMailServer(aws)
    .WithIftttWebhook()
    .WithHttpHealthCheck("/health");

builder.AddProject<Projects.GymIoT_Coach>("coach")
    .WithAwsBackend(aws)
    .WithGymSettings()
    .WithServiceProcess()
    .WithMailServer(aws)
    .WithHttpHealthCheck("/health");

// The simulated gym belongs to the demo composition: on unless GymIoT:Simulator=false (a deployment with real devices).
// Only in Development does it back-fill history and take burst requests.
if (builder.Configuration.GetValue("GymIoT:Simulator", true))
{
    var simulator = builder.AddProject<Projects.GymIoT_DeviceSimulator>("device-simulator")
        .WithAwsBackend(aws)
        .WithGymSettings()
        .WithServiceProcess()
        .WithEnvironment("Simulator__SeedHistory", builder.Environment.IsDevelopment() ? "true" : "false")
        .WithHttpHealthCheck("/health")
        .WaitFor(aggregator);
    if (builder.Environment.IsDevelopment())
    {
        simulator.WithBurstCommand(readings: 1000, faultRate: 0.05);
    }
}

// Apps
builder.AddProject<Projects.GymIoT_Dashboard>("dashboard")
    .WithAwsBackend(aws)
    .WithGymSettings()
    .WithServiceProcess()
    .WithEnvironment("DemoAccounts__Enabled", builder.Environment.IsDevelopment() ? "true" : "false")
    .WithPublicUrl()
    .WithKeyRingProtection()
    .WithStaffTools(aws)
    .WithMailServer(aws)
    .WithHttpHealthCheck("/health")
    .WithUrlForEndpoint("http", url => url.DisplayText = "Member dashboard");

builder.Build().Run();
