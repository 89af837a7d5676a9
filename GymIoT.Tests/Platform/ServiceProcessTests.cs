using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using GymIoT.Core.Hosting;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>The process settings that keep the services' memory small (bench/README.md) reach the processes.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class ServiceProcessTests
{
    [Fact]
    public async Task Every_service_the_AppHost_starts_gets_the_service_process_environment()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.GymIoT_AppHost>();
        var services = appHost.Resources.OfType<ProjectResource>().ToList();

        Assert.Equal(["aggregator", "coach", "dashboard", "device-simulator", "error-notifier"], services.Select(s => s.Name).Order());
        foreach (var service in services)
        {
            var environment = await ResourceEnvironment.OfAsync(service);
            Assert.All(ServiceProcess.Environment, variable => Assert.Equal(variable.Value, environment.GetValueOrDefault(variable.Key)));
        }
        Assert.Equal("2", ServiceProcess.Environment["MALLOC_ARENA_MAX"]);
    }

    [Fact]
    public void The_aggregator_runs_with_workstation_GC_and_without_profile_guided_tiering()
    {
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "GymIoT.Aggregator.runtimeconfig.json")))!;
        var properties = runtimeConfig["runtimeOptions"]!["configProperties"]!;

        Assert.False(properties["System.GC.Server"]!.GetValue<bool>());
        Assert.False(properties["System.Runtime.TieredPGO"]?.GetValue<bool>() ?? true);
    }
}
