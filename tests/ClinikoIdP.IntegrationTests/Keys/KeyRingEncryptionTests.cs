using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Keys;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace ClinikoIdP.IntegrationTests.Keys;

/// <summary>
/// With <c>DataProtection:KeyEncryptionCertificate</c> set, the Data Protection key ring (which decrypts the
/// authenticator secrets and signing keys stored beside it) is stored encrypted with that certificate, and another node
/// given the same certificate reads it.
/// </summary>
public sealed class KeyRingEncryptionTests : IDisposable
{
    private readonly string certificateFile = Path.Combine(Path.GetTempPath(), $"key-ring-{Guid.NewGuid():N}.pfx");
    private readonly string nextCertificateFile = Path.Combine(Path.GetTempPath(), $"key-ring-next-{Guid.NewGuid():N}.pfx");
    private readonly string password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));

    public KeyRingEncryptionTests()
    {
        WriteCertificate(certificateFile);
        WriteCertificate(nextCertificateFile);
    }

    private Dictionary<string, string?> Settings => new()
    {
        [KeyRingEncryption.CertificateSetting] = certificateFile,
        [KeyRingEncryption.PasswordSetting] = password,
    };

    /// <summary>A new certificate in use, the first one listed as a previous one.</summary>
    private Dictionary<string, string?> ReplacedSettings => new()
    {
        [KeyRingEncryption.CertificateSetting] = nextCertificateFile,
        [KeyRingEncryption.PasswordSetting] = password,
        [$"{KeyRingEncryption.PreviousSection}:0:Path"] = certificateFile,
        [$"{KeyRingEncryption.PreviousSection}:0:Password"] = password,
    };

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task TheKeyRingIsStoredEncryptedAndANodeWithTheCertificateSignsInWithTheAuthenticatorSetUpOnAnother(bool replaced)
    {
        using var database = TestDatabase.CreateTemporary();
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        EnrolledUser enrolled;
        TestClient client;
        using (var first = IdpFactory.On(database, TwoFactorEnforcement.Always, clock, Settings))
        {
            enrolled = await TwoFactorJourneys.EnrolNewUserAsync(first);
            client = await first.StandardClientAsync();
            var keys = await first.QueryAsync(db => db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync());

            Assert.NotEmpty(keys);
            Assert.All(keys, xml =>
            {
                Assert.Contains("<EncryptedData", xml, StringComparison.Ordinal);
                Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
            });
        }

        // Another node (a fresh process's key ring, read from the database) with the same certificate, or with a new one
        // and this one listed as previous: it decrypts the authenticator secret set up on the first, so the person's
        // code signs them in.
        using var second = IdpFactory.On(database, TwoFactorEnforcement.Always, clock, replaced ? ReplacedSettings : Settings);
        using var browser = second.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var landed = await TwoFactorJourneys.SignInWithCodeAsync(browser, request, enrolled.User, enrolled.App.Code());

        Assert.False(string.IsNullOrEmpty(AuthorizationResponse.FromRedirect(landed).Code), landed.Headers.Location?.ToString());
    }

    [Fact]
    public void AMissingFileOrAWrongPasswordStopsTheStartWithAClearMessage()
    {
        var missing = Configuration(Path.Combine(Path.GetTempPath(), $"absent-{Guid.NewGuid():N}.pfx"), password);
        var wrongPassword = Configuration(certificateFile, "not-the-password");

        Assert.Contains("does not exist", Assert.Throws<InvalidOperationException>(() => KeyRingEncryption.Load(missing)).Message,
            StringComparison.Ordinal);
        var refused = Assert.Throws<InvalidOperationException>(() => KeyRingEncryption.Load(wrongPassword)).Message;
        Assert.Contains(KeyRingEncryption.PasswordSetting, refused, StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-password", refused, StringComparison.Ordinal);
        Assert.Null(KeyRingEncryption.Load(Configuration(null, null)));
    }

    public void Dispose()
    {
        File.Delete(certificateFile);
        File.Delete(nextCertificateFile);
    }

    private void WriteCertificate(string file)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=ClinikoIdP key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(file, certificate.Export(X509ContentType.Pfx, password));
    }

    private static IConfiguration Configuration(string? file, string? secret) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            [KeyRingEncryption.CertificateSetting] = file,
            [KeyRingEncryption.PasswordSetting] = secret,
        })
        .Build();
}
