using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace GymIoT.Tests.Infrastructure;

/// <summary>The environment a resource is given, as the publisher sees it: literals as they are, references as manifest expressions.</summary>
public static class ResourceEnvironment
{
    public static async Task<IReadOnlyDictionary<string, string?>> OfAsync(IResource resource)
    {
        var context = new EnvironmentCallbackContext(new DistributedApplicationExecutionContext(DistributedApplicationOperation.Publish));
        foreach (var annotation in resource.Annotations.OfType<EnvironmentCallbackAnnotation>())
        {
            await annotation.Callback(context);
        }
        return context.EnvironmentVariables.ToDictionary(
            variable => variable.Key,
            variable => variable.Value switch
            {
                string text => text,
                IManifestExpressionProvider expression => expression.ValueExpression,
                var other => other?.ToString(),
            });
    }
}
