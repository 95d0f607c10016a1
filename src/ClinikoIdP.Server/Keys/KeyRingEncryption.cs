using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// Encrypts the Data Protection key ring with a certificate kept outside the database
/// (<c>DataProtection:KeyEncryptionCertificate</c>, a PKCS#12 file, and its <c>…Password</c>). The key ring is stored in
/// the database so every node shares it, and it decrypts the authenticator secrets and the signing keys stored beside
/// it; without this, a copy of the database (a backup, a dump) holds both the locks and their key. Off when not set, so
/// a trial on the embedded database needs nothing more.
/// </summary>
public static class KeyRingEncryption
{
    public const string CertificateSetting = "DataProtection:KeyEncryptionCertificate";
    public const string PasswordSetting = "DataProtection:KeyEncryptionCertificatePassword";

    public static IDataProtectionBuilder ProtectKeysWhenConfigured(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var certificate = Load(configuration);
        return certificate is null ? builder : builder.ProtectKeysWithCertificate(certificate);
    }

    /// <summary>The configured certificate with its private key, or null when none is configured.</summary>
    /// <exception cref="InvalidOperationException">The file is missing, unreadable, or has no usable RSA private key.</exception>
    public static X509Certificate2? Load(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var path = configuration[CertificateSetting];
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"{CertificateSetting} names '{path}', which does not exist.");
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509CertificateLoader.LoadPkcs12FromFile(path, configuration[PasswordSetting]);
        }
        catch (CryptographicException)
        {
            throw new InvalidOperationException(
                $"{CertificateSetting} ('{path}') could not be read as a PKCS#12 file with the password in {PasswordSetting}.");
        }

        using var key = certificate.GetRSAPrivateKey();
        if (key is null || key.KeySize < 2048)
        {
            certificate.Dispose();
            throw new InvalidOperationException(
                $"{CertificateSetting} ('{path}') must hold an RSA key of at least 2048 bits with its private key.");
        }

        return certificate;
    }
}
