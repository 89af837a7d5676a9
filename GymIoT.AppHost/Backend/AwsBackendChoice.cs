namespace GymIoT.AppHost.Backend;

/// <summary>Which backend runs, and why: decided before any resource is declared, since a container that cannot start blocks everything waiting for it.</summary>
public sealed record AwsBackendChoice(AwsBackendKind Kind, string Reason)
{
    public static AwsBackendChoice Decide(AwsBackendKind requested, Func<bool> dockerIsAvailable, bool hasLocalStackAuthToken) =>
        requested switch
        {
            AwsBackendKind.Auto when !hasLocalStackAuthToken =>
                new(AwsBackendKind.Embedded, "Aws:Backend is Auto and no LocalStack auth token is configured (Parameters:localstack-auth-token)"),
            AwsBackendKind.Auto when !dockerIsAvailable() =>
                new(AwsBackendKind.Embedded, "Aws:Backend is Auto and 'docker info' failed: no Docker engine"),
            AwsBackendKind.Auto =>
                new(AwsBackendKind.LocalStack, "Aws:Backend is Auto, Docker runs and a LocalStack auth token is configured"),
            _ => new(requested, $"Aws:Backend is {requested}"),
        };
}
