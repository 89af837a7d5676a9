using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;

namespace GymIoT.Dashboard.Security;

/// <summary>
/// Wraps with a KMS key: the secret never leaves in clear, and only a role the key's policy admits can unwrap it. The
/// encryption context binds each ciphertext to this use, and the key policy requires it.
/// </summary>
public sealed class KmsKeyWrap(IAmazonKeyManagementService kms, string keyId) : IKeyWrap
{
    public const string ContextKey = "gymiot:purpose";
    public const string ContextValue = "dashboard-key-ring";

    private static readonly Dictionary<string, string> Context = new() { [ContextKey] = ContextValue };

    public string Name => "kms";

    // Data Protection asks synchronously, rarely: when it makes a key and when it reads the ring.
    public byte[] Wrap(byte[] secret) =>
        kms.EncryptAsync(new EncryptRequest { KeyId = keyId, Plaintext = new MemoryStream(secret), EncryptionContext = Context })
            .GetAwaiter().GetResult().CiphertextBlob.ToArray();

    public byte[] Unwrap(byte[] wrapped) =>
        kms.DecryptAsync(new DecryptRequest { KeyId = keyId, CiphertextBlob = new MemoryStream(wrapped), EncryptionContext = Context })
            .GetAwaiter().GetResult().Plaintext.ToArray();
}
