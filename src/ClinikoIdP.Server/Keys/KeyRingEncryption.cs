using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// Encrypts the Data Protection key ring with a certificate kept outside the database
/// (<c>DataProtection:KeyEncryptionCertificate</c>, a PKCS#12 file, and its <c>…Password</c>). The key ring is stored in
/// the database so every node shares it, and it decrypts the authenticator secrets and the signing keys stored beside
/// it; without this, a copy of the database (a backup, a dump) holds both the locks and their key. Off when not set, so
/// a trial on the embedded database needs nothing more. Certificates listed under
/// <c>DataProtection:PreviousKeyEncryptionCertificates</c> (each a <c>Path</c> and <c>Password</c>) still decrypt the
/// keys they encrypted, so the certificate can be replaced without losing them.
/// </summary>
public static class KeyRingEncryption
{
    public const string CertificateSetting = "DataProtection:KeyEncryptionCertificate";
    public const string PasswordSetting = "DataProtection:KeyEncryptionCertificatePassword";
    public const string PreviousSection = "DataProtection:PreviousKeyEncryptionCertificates";

    public static IDataProtectionBuilder ProtectKeysWhenConfigured(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var certificate = Load(configuration);
        if (certificate is null)
        {
            return builder;
        }

        var previous = configuration.GetSection(PreviousSection).GetChildren()
            .Select(entry => Load(entry["Path"], entry["Password"], $"{PreviousSection}:{entry.Key}:Path", $"{PreviousSection}:{entry.Key}:Password"))
            .OfType<X509Certificate2>()
            .ToArray();
        builder.ProtectKeysWithCertificate(certificate);
        return previous.Length == 0 ? builder : builder.UnprotectKeysWithAnyCertificate(previous);
    }

    /// <summary>The configured certificate with its private key, or null when none is configured.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable, or has no usable RSA private key.</exception>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Load(configuration[CertificateSetting], configuration[PasswordSetting], CertificateSetting, PasswordSetting);
    }

    private static X509Certificate2? Load(string? path, string? password, string pathSetting, string passwordSetting)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{pathSetting} names '{path}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException(
                $"{pathSetting} ('{path}') could not be read as a PKCS#12 file with the password in {passwordSetting}.");
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null || key.KeySize < 2048)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"{pathSetting} ('{path}') must hold an RSA key of at least 2048 bits with its private key.");
        }

        return certificate;
    }
}
