using GymIoT.Core.Hosting;
using GymIoT.TestSupport;
using GymIoT.Tests.Infrastructure;

namespace GymIoT.Tests.Platform;

/// <summary>The services of a running app, as the operating system and their runtime metrics show them.</summary>
[Trait(TestKind.Category, TestKind.EndToEnd)]
[Collection(PipelineCollection.Name)]
public sealed class RunningServiceProcessTests(PipelineFixture fixture)
{
    [Theory]
    [InlineData("aggregator", "GymIoT.Aggregator.dll")]
    [InlineData("coach", "GymIoT.Coach.dll")]
    [InlineData("dashboard", "GymIoT.Dashboard.dll")]
    [InlineData("device-simulator", "GymIoT.DeviceSimulator.dll")]
    public void A_running_service_is_its_built_program_run_by_dotnet_itself_with_the_service_process_environment(string resource, string program)
    {
        var pid = fixture.App.ProcessIdOf(resource);

        var commandLine = File.ReadAllText($"/proc/{pid}/cmdline").Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("dotnet", Path.GetFileName(commandLine[0]));
        Assert.Equal(program, Path.GetFileName(Assert.Single(commandLine[1..])));
        var environment = File.ReadAllText($"/proc/{pid}/environ").Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(variable => variable.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.ElementAtOrDefault(1));
        Assert.All(ServiceProcess.EnvironmentOf(resource), variable => Assert.Equal(variable.Value, environment.GetValueOrDefault(variable.Key)));
    }

    [Fact]
    public async Task A_running_service_exports_the_methods_its_JIT_compiled_and_the_CPU_seconds_that_took()
    {
        // The dashboard exports every second here (PipelineFixture); the methods are an integer sum, the seconds a floating-point one.
        var (methods, seconds) = await Eventually.ValueAsync(
            () => Task.FromResult((Methods: fixture.Telemetry.Counter("dashboard", "dotnet.jit.compiled_methods"), Seconds: fixture.Telemetry.DoubleCounter("dashboard", "dotnet.jit.compilation.time"))),
            jit => jit.Methods > 0 && jit.Seconds > 0,
            TimeSpan.FromSeconds(30));

        // Read as anything but a double (its 8 bytes as an integer's), the seconds would be far outside this range.
        Assert.InRange(seconds, 0.001, 600);
        Assert.True(methods > 1_000, $"{methods} methods compiled: a started ASP.NET Core service compiles thousands");
    }
}
