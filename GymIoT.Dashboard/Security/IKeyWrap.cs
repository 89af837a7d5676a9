namespace GymIoT.Dashboard.Security;

/// <summary>Encrypts a key ring entry's secret for storage, and decrypts it again: the one thing a key ring's protection does.</summary>
public interface IKeyWrap
{
    /// <summary>What the stored entries name, so an entry is never handed to a wrap that did not make it.</summary>
    string Name { get; }

    byte[] Wrap(byte[] secret);

    byte[] Unwrap(byte[] wrapped);
}
