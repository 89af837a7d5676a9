using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace GymIoT.Dashboard.Security;

/// <summary>Stores each master key of the ring wrapped (<see cref="IKeyWrap"/>): <c>&lt;wrappedKey by="kms"&gt;base64&lt;/wrappedKey&gt;</c>.</summary>
public sealed class WrappedKeyXmlEncryptor(IKeyWrap wrap) : IXmlEncryptor
{
    public const string ElementName = "wrappedKey";
    public const string ByAttribute = "by";

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) =>
        new(new XElement(ElementName,
                new XAttribute(ByAttribute, wrap.Name),
                Convert.ToBase64String(wrap.Wrap(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting))))),
            typeof(WrappedKeyXmlDecryptor));
}

/// <summary>Data Protection makes one by its type name, found in the stored entry, with the dashboard's services.</summary>
public sealed class WrappedKeyXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var wrap = services.GetRequiredService<IKeyWrap>();
        var by = encryptedElement.Attribute(WrappedKeyXmlEncryptor.ByAttribute)?.Value;
        if (by != wrap.Name)
        {
            throw new System.Security.Cryptography.CryptographicException(
                $"This key ring entry was wrapped by '{by}', but the dashboard unwraps with '{wrap.Name}': set {KeyRingOptions.SectionName} as where the ring was made.");
        }
        return XElement.Parse(Encoding.UTF8.GetString(wrap.Unwrap(Convert.FromBase64String(encryptedElement.Value))));
    }
}
