using Microsoft.Extensions.Configuration;

namespace GymIoT.AppHost.Emulators;

/// <summary>Settings of the embedded backend (section <c>Emulators</c>).</summary>
public sealed class EmulatorOptions
{
    public const string SectionName = "Emulators";

    /// <summary>
    /// <c>Conventional</c>: SQS 4566, DynamoDB 8000, dynamodb-admin 8001, maildev web 1080 and SMTP 1025, as the AWS CLI examples expect.
    /// <c>Random</c>: free ports chosen at start, so several AppHosts (tests) run side by side.
    /// </summary>
    public EmulatorPorts Ports { get; set; } = EmulatorPorts.Conventional;

    /// <summary>The npm project with the emulators; relative paths are taken from the repository root.</summary>
    public string PackageDirectory { get; set; } = "emulators";

    /// <summary>
    /// Where the emulators keep their data (<c>fauxqs</c> and <c>dynalite</c> below it), so queues and tables survive restarts;
    /// relative paths are taken from the repository root.
    /// </summary>
    public string DataDirectory { get; set; } = ".data";

    public static EmulatorOptions Of(IDistributedApplicationBuilder builder) =>
        builder.Configuration.GetSection(SectionName).Get<EmulatorOptions>() ?? new EmulatorOptions();

    /// <summary>The data folder, as a full path (relative settings are taken from the repository root).</summary>
    public string DataDirectoryOf(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(DataDirectory, Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..")));
}

public enum EmulatorPorts
{
    Conventional,
    Random,
}
