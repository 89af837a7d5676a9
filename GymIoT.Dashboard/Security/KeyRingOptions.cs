namespace GymIoT.Dashboard.Security;

/// <summary>
/// What encrypts the Data Protection key ring at rest (section <c>KeyRing</c>): a KMS key on AWS, whose policy admits
/// only the dashboard's role, or on the emulators a local key in a file under the data folder. Exactly one.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "KeyRing";

    /// <summary>The KMS key's id or ARN.</summary>
    public string? KmsKeyId { get; set; }

    /// <summary>A file that holds a 256-bit key; made on first use, readable by its owner only.</summary>
    public string? LocalKeyFile { get; set; }

    public string? Problem() =>
        string.IsNullOrWhiteSpace(KmsKeyId) == string.IsNullOrWhiteSpace(LocalKeyFile)
            ? $"Set exactly one of {SectionName}:{nameof(KmsKeyId)} (on AWS) and {SectionName}:{nameof(LocalKeyFile)} (elsewhere): the key ring's master keys are never stored in clear."
            : null;
}
