using System.Text.Json.Nodes;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using GymIoT.Core.Hosting;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>How the services' processes are started, and the settings that keep their memory small (bench/README.md).</summary>
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
            Assert.All(ServiceProcess.EnvironmentOf(service.Name), variable => Assert.Equal(variable.Value, environment.GetValueOrDefault(variable.Key)));
        }
    }

    [Theory]
    [InlineData("aggregator", "0x400000")]
    [InlineData("coach", null)]
    [InlineData("dashboard", null)]
    [InlineData("device-simulator", null)]
    [InlineData("error-notifier", null)]
    public void Every_service_has_two_malloc_arenas_and_maps_blocks_from_64_KB_and_only_the_aggregator_a_young_generation_of_4_MB(string service, string? gen0Size)
    {
        var environment = ServiceProcess.EnvironmentOf(service);

        Assert.Equal("2", environment["MALLOC_ARENA_MAX"]);
        Assert.Equal("65536", environment["MALLOC_MMAP_THRESHOLD_"]);
        Assert.Equal(gen0Size, environment.GetValueOrDefault("DOTNET_GCgen0size"));
    }

    [Fact]
    public async Task Every_service_starts_as_the_program_the_AppHost_build_made_not_through_dotnet_run()
    {
        await using var appHost = await DistributedApplicationTestingBuilder.CreateAsync<Projects.GymIoT_AppHost>();

        foreach (var service in appHost.Resources.OfType<ProjectResource>())
        {
            var project = service.GetProjectMetadata().ProjectPath;
            var launch = Assert.Single(service.Annotations.OfType<ExecutableAnnotation>());
            Assert.Equal("dotnet", launch.Command);
            Assert.Equal(Path.GetDirectoryName(project), launch.WorkingDirectory);
            var program = Assert.Single(await ArgumentsOfAsync(service));
            Assert.Equal(Path.GetFileNameWithoutExtension(project) + ".dll", Path.GetFileName(program));
            Assert.True(File.Exists(program), $"{service.Name}: {program} was not built");
        }
    }

    [Fact]
    public void The_aggregator_runs_with_workstation_GC_and_without_profile_guided_tiering()
    {
        var runtimeConfig = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "GymIoT.Aggregator.runtimeconfig.json")))!;
        var properties = runtimeConfig["runtimeOptions"]!["configProperties"]!;

        Assert.False(properties["System.GC.Server"]!.GetValue<bool>());
        Assert.False(properties["System.Runtime.TieredPGO"]?.GetValue<bool>() ?? true);
    }

    private static async Task<IReadOnlyList<string?>> ArgumentsOfAsync(IResource resource)
    {
        var context = new CommandLineArgsCallbackContext([], resource);
        foreach (var annotation in resource.Annotations.OfType<CommandLineArgsCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }
        return [.. context.Args.Select(argument => argument.ToString())];
    }
}
