using System.Net.Http.Json;
using GymIoT.Core.Hosting;
using Microsoft.Extensions.Configuration;

namespace GymIoT.AppHost.Services;

public static class ServiceResourceExtensions
{
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

    /// <summary>The process environment every service runs with (<see cref="ServiceProcess"/>), the same as in the deploy stack.</summary>
    public static IResourceBuilder<ProjectResource> WithServiceProcess(this IResourceBuilder<ProjectResource> service)
    {
        foreach (var (name, value) in ServiceProcess.Environment)
        {
            service.WithEnvironment(name, value);
        }
        return service;
    }

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
