using GymIoT.AppHost.Emulators;
using GymIoT.Core.Aws;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace GymIoT.AppHost.Backend;

public static class AwsBackendBuilderExtensions
{
    /// <summary>
    /// Chooses the backend from <c>Aws:Backend</c> (Auto, Embedded, LocalStack or Aws), logs the choice and why,
    /// and declares its resources.
    /// </summary>
    public static AwsBackend AddAwsBackend(this IDistributedApplicationBuilder builder, ILogger logger)
    {
        var requested = builder.Configuration.GetValue("Aws:Backend", AwsBackendKind.Auto);
        var region = builder.Configuration["Aws:Region"] is { Length: > 0 } configured ? configured : AwsSettings.DefaultRegion;
        var hasLocalStackToken = !string.IsNullOrWhiteSpace(builder.Configuration["Parameters:localstack-auth-token"]);
        var choice = AwsBackendChoice.Decide(requested, DockerEngine.IsAvailable, hasLocalStackToken);
        logger.LogInformation("AWS backend: {AwsBackend}, because {AwsBackendReason}", choice.Kind, choice.Reason);

        return choice.Kind switch
        {
            AwsBackendKind.Embedded => builder.AddEmbeddedAwsBackend(region),
            AwsBackendKind.LocalStack => builder.AddLocalStackAwsBackend(region),
            _ => builder.AddRealAwsBackend(region),
        };
    }

    /// <summary>
    /// Real AWS through the SDK's default credentials: with <c>Aws:Provision=true</c> the AppHost provisions the account
    /// as it does the emulators (a developer's sandbox); otherwise it checks that everything is there, and the services
    /// wait for that check.
    /// </summary>
    private static AwsBackend AddRealAwsBackend(this IDistributedApplicationBuilder builder, string region)
    {
        var settings = new AwsSettings(region, null, null, null, null);
        return new AwsBackend(region)
        {
            Provisioning = builder.Configuration.GetValue("Aws:Provision", false)
                ? builder.AddAwsProvisioning("aws-provisioning", () => settings)
                : builder.AddAwsCheck("aws-check", () => settings),
        };
    }
}
