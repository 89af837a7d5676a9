using System.Security.Cryptography;
using System.Xml.Linq;
using Amazon.KeyManagementService;
using Amazon.KeyManagementService.Model;
using Amazon.Runtime;
using GymIoT.Dashboard.Security;
using GymIoT.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace GymIoT.Tests.Security;

/// <summary>The key ring's master keys as they are stored: wrapped by KMS on AWS, by a local key elsewhere.</summary>
[Trait(TestKind.Category, TestKind.Unit)]
public sealed class KeyRingWrapTests
{
    private const string KeyArn = "arn:aws:kms:eu-west-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";

    private static readonly XElement MasterKey = XElement.Parse("<masterKey><value>c2VjcmV0IGtleSBtYXRlcmlhbA==</value></masterKey>");

    [Fact]
    public void On_AWS_a_master_key_is_stored_as_KMS_encrypted_it_with_the_rings_key_and_context_and_comes_back_whole()
    {
        using var kms = new FakeKms();
        var wrap = new KmsKeyWrap(kms, KeyArn);

        var stored = new WrappedKeyXmlEncryptor(wrap).Encrypt(MasterKey);

        Assert.DoesNotContain("c2VjcmV0IGtleSBtYXRlcmlhbA", stored.EncryptedElement.ToString(), StringComparison.Ordinal);
        Assert.Equal(typeof(WrappedKeyXmlDecryptor), stored.DecryptorType);
        Assert.Equal(MasterKey.ToString(), Decryptor(wrap).Decrypt(stored.EncryptedElement).ToString());
        Assert.All(kms.Calls, call => Assert.Equal(KeyArn, call.KeyId));
        Assert.All(kms.Calls, call => Assert.Equal(KmsKeyWrap.ContextValue, call.Context[KmsKeyWrap.ContextKey]));
        Assert.Equal(["Decrypt", "Encrypt"], kms.Calls.Select(c => c.Operation).Order());
    }

    [Fact]
    public void An_entry_wrapped_one_way_is_refused_by_a_dashboard_set_up_the_other_way_with_the_reason()
    {
        using var kms = new FakeKms();
        var stored = new WrappedKeyXmlEncryptor(new KmsKeyWrap(kms, KeyArn)).Encrypt(MasterKey);

        var refusal = Assert.Throws<CryptographicException>(() => Decryptor(new LocalKeyWrap(NewKeyFile())).Decrypt(stored.EncryptedElement));
        Assert.Contains("wrapped by 'kms'", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_local_key_opens_what_it_wrapped_and_an_altered_or_foreign_entry_never()
    {
        var keyFile = NewKeyFile();
        var wrap = new LocalKeyWrap(keyFile);
        var secret = RandomNumberGenerator.GetBytes(64);

        var wrapped = wrap.Wrap(secret);

        Assert.Equal(secret, new LocalKeyWrap(keyFile).Unwrap(wrapped));
        wrapped[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => wrap.Unwrap(wrapped));
        Assert.ThrowsAny<CryptographicException>(() => new LocalKeyWrap(NewKeyFile()).Unwrap(wrap.Wrap(secret)));
        Assert.ThrowsAny<CryptographicException>(() => wrap.Unwrap([1, 2, 3]));
    }

    private static WrappedKeyXmlDecryptor Decryptor(IKeyWrap wrap) =>
        new(new ServiceCollection().AddSingleton(wrap).BuildServiceProvider());

    private static string NewKeyFile() => Path.Combine(Directory.CreateTempSubdirectory("gymiot-key-ring-").FullName, "key-ring.key");

    /// <summary>KMS as far as the key ring uses it: encryption that only this fake undoes, and a record of each call.</summary>
    private sealed class FakeKms() : AmazonKeyManagementServiceClient(new AnonymousAWSCredentials(), Amazon.RegionEndpoint.EUWest1)
    {
        private readonly byte[] _key = RandomNumberGenerator.GetBytes(32);

        public List<(string Operation, string KeyId, Dictionary<string, string> Context)> Calls { get; } = [];

        public override Task<EncryptResponse> EncryptAsync(EncryptRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add(("Encrypt", request.KeyId, request.EncryptionContext));
            var nonce = RandomNumberGenerator.GetBytes(12);
            var plaintext = request.Plaintext.ToArray();
            var ciphertext = new byte[plaintext.Length];
            var tag = new byte[16];
            using var aes = new AesGcm(_key, 16);
            aes.Encrypt(nonce, plaintext, ciphertext, tag);
            return Task.FromResult(new EncryptResponse { KeyId = request.KeyId, CiphertextBlob = new MemoryStream([.. nonce, .. tag, .. ciphertext]) });
        }

        public override Task<DecryptResponse> DecryptAsync(DecryptRequest request, CancellationToken cancellationToken = default)
        {
            Calls.Add(("Decrypt", request.KeyId, request.EncryptionContext));
            var blob = request.CiphertextBlob.ToArray();
            var plaintext = new byte[blob.Length - 28];
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(blob.AsSpan(0, 12), blob.AsSpan(28), blob.AsSpan(12, 16), plaintext);
            return Task.FromResult(new DecryptResponse { KeyId = request.KeyId, Plaintext = new MemoryStream(plaintext) });
        }
    }
}
