namespace GymIoT.AppHost.Backend;

/// <summary>The value of the <c>Aws:Backend</c> setting.</summary>
public enum AwsBackendKind
{
    /// <summary>LocalStack when Docker runs and a LocalStack auth token is configured, Embedded otherwise.</summary>
    Auto,

    /// <summary>Emulators from npm run as processes: no Docker needed.</summary>
    Embedded,

    /// <summary>The <c>localstack/localstack</c> container.</summary>
    LocalStack,

    /// <summary>Real AWS: no endpoint override; provisioned only with <c>Aws:Provision=true</c>, else checked.</summary>
    Aws,
}
