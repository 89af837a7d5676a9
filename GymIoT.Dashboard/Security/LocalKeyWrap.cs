using System.Security.Cryptography;
using System.Text;

namespace GymIoT.Dashboard.Security;

/// <summary>
/// Wraps with a 256-bit key kept in a file (AES-GCM), for the emulators: whoever reads the table, or a copy of it, gets no
/// master key without that file. The file is made on first use, readable by its owner only; replicas that start together
/// keep the first one written.
/// </summary>
public sealed class LocalKeyWrap(string keyFile) : IKeyWrap
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private static readonly byte[] Purpose = Encoding.UTF8.GetBytes("GymIoT.Dashboard key ring");

    private readonly Lazy<byte[]> _key = new(() => LoadOrCreate(keyFile));

    public string Name => "local";

    public byte[] Wrap(byte[] secret)
    {
        var wrapped = new byte[NonceSize + TagSize + secret.Length];
        var nonce = wrapped.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Encrypt(nonce, secret, wrapped.AsSpan(NonceSize + TagSize), wrapped.AsSpan(NonceSize, TagSize), Purpose);
        return wrapped;
    }

    public byte[] Unwrap(byte[] wrapped)
    {
        if (wrapped.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("A wrapped key ring secret is too short to be one.");
        }
        var secret = new byte[wrapped.Length - NonceSize - TagSize];
        using var aes = new AesGcm(_key.Value, TagSize);
        aes.Decrypt(wrapped.AsSpan(0, NonceSize), wrapped.AsSpan(NonceSize + TagSize), wrapped.AsSpan(NonceSize, TagSize), secret, Purpose);
        return secret;
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            // Written aside and moved into place, so no replica ever reads a key half written.
            var written = $"{path}.{Guid.NewGuid():N}";
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }
            using (var file = new FileStream(written, options))
            {
                file.Write(RandomNumberGenerator.GetBytes(32));
            }
            try
            {
                File.Move(written, path);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another replica put its key there first: use theirs.
                File.Delete(written);
            }
        }
        var key = File.ReadAllBytes(path);
        return key.Length == 32 ? key : throw new CryptographicException($"{path} holds {key.Length} bytes, not a 256-bit key.");
    }
}
