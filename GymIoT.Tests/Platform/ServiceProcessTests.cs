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
    public void Every_service_has_two_malloc_arenas_maps_blocks_from_64_KB_recompiles_a_method_after_1000_calls_and_only_the_aggregator_a_young_generation_of_4_MB(string service, string? gen0Size)
    {
        var environment = ServiceProcess.EnvironmentOf(service);

        Assert.Equal("2", environment["MALLOC_ARENA_MAX"]);
        Assert.Equal("65536", environment["MALLOC_MMAP_THRESHOLD_"]);
        Assert.Equal("1000", environment["DOTNET_TC_CallCountThreshold"]);
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

    [Theory]
    [InlineData("GymIoT.Aggregator")]
    [InlineData("GymIoT.Coach")]
    [InlineData("GymIoT.Dashboard")]
    [InlineData("GymIoT.DeviceSimulator")]
    [InlineData("GymIoT.ErrorNotifier")]
    public void Every_service_runs_without_profile_guided_tiering(string program) =>
        Assert.False(RuntimeOptionsOf(program)["System.Runtime.TieredPGO"]?.GetValue<bool>() ?? true);

    [Fact]
    public void The_aggregator_runs_with_workstation_GC() =>
        Assert.False(RuntimeOptionsOf("GymIoT.Aggregator")["System.GC.Server"]!.GetValue<bool>());

    /// <summary>The runtime settings a service's build wrote for it (<c>X.runtimeconfig.json</c>, copied beside the tests).</summary>
    private static JsonNode RuntimeOptionsOf(string program) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, program + ".runtimeconfig.json")))!["runtimeOptions"]!["configProperties"]!;

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
