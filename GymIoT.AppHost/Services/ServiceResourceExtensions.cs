using System.Net.Http.Json;
using System.Reflection;
using GymIoT.Core.Hosting;
using Microsoft.Extensions.Configuration;

namespace GymIoT.AppHost.Services;

public static class ServiceResourceExtensions
{
    /// <summary>The AppHost assembly's metadata that says where its build put each service's program (GymIoT.AppHost.csproj).</summary>
    private const string ServiceOutputKey = "GymIoT.ServiceOutput";

    /// <summary>
    /// Passes the gym's own settings (section <c>Gym</c>, e.g. its time zone) to a service, and the AppHost's environment:
    /// a Production AppHost runs Production services, whatever their launch profiles say.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithGymSettings(this IResourceBuilder<ProjectResource> service)
    {
        var environment = service.ApplicationBuilder.Environment.EnvironmentName;
        service.WithEnvironment("ASPNETCORE_ENVIRONMENT", environment).WithEnvironment("DOTNET_ENVIRONMENT", environment);
        foreach (var setting in service.ApplicationBuilder.Configuration.GetSection("Gym").AsEnumerable(makePathsRelative: true))
        {
            if (setting.Value is not null)
            {
                service.WithEnvironment($"Gym__{setting.Key.Replace(":", "__")}", setting.Value);
            }
        }
        return service;
    }

    /// <summary>
    /// The process a service runs as: its built program, started by itself (<see cref="WithBuiltProgram"/>), with the
    /// environment it runs with (<see cref="ServiceProcess"/>), the same as in the deploy stack.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithServiceProcess(this IResourceBuilder<ProjectResource> service)
    {
        foreach (var (name, value) in ServiceProcess.EnvironmentOf(service.Resource.Name))
        {
            service.WithEnvironment(name, value);
        }
        return service.WithBuiltProgram();
    }

    /// <summary>
    /// Starts the program the AppHost's build made (<c>dotnet GymIoT.X.dll</c>) instead of <c>dotnet run</c>, which
    /// evaluates the project again at every start (as much CPU as the service's own start, and a second process of some
    /// 120 MB that stays beside it). An IDE that debugs the AppHost still launches the project itself, and
    /// <c>dotnet watch</c> keeps its own launch; a program not built where the AppHost's build puts it (a service built
    /// alone, in another configuration) is left to <c>dotnet run</c>.
    /// </summary>
    private static IResourceBuilder<ProjectResource> WithBuiltProgram(this IResourceBuilder<ProjectResource> service)
    {
        var project = service.Resource.GetProjectMetadata().ProjectPath;
        var projectDirectory = Path.GetDirectoryName(project)!;
        var program = Path.Combine(projectDirectory, ServiceOutput(service.ApplicationBuilder), Path.GetFileNameWithoutExtension(project) + ".dll");
        if (service.ApplicationBuilder.Configuration.GetValue<bool>("DOTNET_WATCH") || !File.Exists(program))
        {
            return service;
        }
        return service
            .WithAnnotation(new ExecutableAnnotation { Command = "dotnet", WorkingDirectory = projectDirectory }, ResourceAnnotationMutationBehavior.Replace)
            .WithArgs(program);
    }

    /// <summary>Where the AppHost's build puts each service's program under its project folder (the AppHost's project file records it).</summary>
    private static string ServiceOutput(IDistributedApplicationBuilder builder) =>
        builder.AppHostAssembly?.GetCustomAttributes<AssemblyMetadataAttribute>().SingleOrDefault(a => a.Key == ServiceOutputKey)?.Value
        ?? throw new InvalidOperationException($"The AppHost assembly does not record {ServiceOutputKey}.");

    /// <summary>
    /// The address members reach the dashboard at, which every link it sends starts with and the only host it answers to:
    /// <c>Dashboard:PublicUrl</c> of the AppHost's settings (e.g. behind a proxy of one's own), else its own endpoint.
    /// The orchestrator's health probe calls it as 127.0.0.1, which it answers to as well.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithPublicUrl(this IResourceBuilder<ProjectResource> dashboard)
    {
        dashboard.WithEnvironment("AllowedHosts", "127.0.0.1");
        return dashboard.ApplicationBuilder.Configuration["Dashboard:PublicUrl"] is { Length: > 0 } configured
            ? dashboard.WithEnvironment("Dashboard__PublicUrl", configured)
            : dashboard.WithEnvironment("Dashboard__PublicUrl", dashboard.GetEndpoint("http"));
    }

    /// <summary>
    /// What encrypts the dashboard's key ring at rest: the KMS key <c>KeyRing:KmsKeyId</c> of the AppHost's settings (an
    /// AWS account), else a local key under the data folder, which the dashboard makes on its first start.
    /// </summary>
    public static IResourceBuilder<ProjectResource> WithKeyRingProtection(this IResourceBuilder<ProjectResource> dashboard) =>
        dashboard.ApplicationBuilder.Configuration["KeyRing:KmsKeyId"] is { Length: > 0 } keyId
            ? dashboard.WithEnvironment("KeyRing__KmsKeyId", keyId)
            : dashboard.WithEnvironment("KeyRing__LocalKeyFile",
                Path.Combine(Emulators.EmulatorOptions.Of(dashboard.ApplicationBuilder).DataDirectoryOf(dashboard.ApplicationBuilder), "dashboard", "key-ring.key"));

    /// <summary>Links for the staff pages to the embedded backend's mail inbox and database GUI, when they run.</summary>
    public static IResourceBuilder<ProjectResource> WithStaffTools(this IResourceBuilder<ProjectResource> dashboard, Backend.AwsBackend aws)
    {
        if (aws.MailCatcher is { } maildev)
        {
            dashboard.WithEnvironment("StaffTools__MailInbox", maildev.GetEndpoint("http"));
        }
        if (aws.DatabaseAdmin is { } databaseAdmin)
        {
            dashboard.WithEnvironment("StaffTools__DatabaseAdmin", databaseAdmin.GetEndpoint("http"));
        }
        return dashboard;
    }

    /// <summary>A dashboard button that makes the simulated gym send a burst of readings as fast as it can.</summary>
    public static IResourceBuilder<ProjectResource> WithBurstCommand(this IResourceBuilder<ProjectResource> simulator, int readings, double faultRate) =>
        simulator.WithHttpCommand(
            "/bursts",
            $"Send {readings:N0} readings",
            commandOptions: new HttpCommandOptions
            {
                Description = $"The simulated sensors send {readings:N0} readings at once, {faultRate:P0} of them misread.",
                IconName = "Flash",
                PrepareRequest = context =>
                {
                    context.Request.Content = JsonContent.Create(new { count = readings, faultRate });
                    return Task.CompletedTask;
                },
            });
}
