using System.Security.Cryptography;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// Creates, rotates and reads the token server's keys. Key material is stored only encrypted
/// (Data Protection, whose own key ring lives in the same database), so every node reads the same keys.
/// </summary>
public sealed class SigningKeyStore(
    IdpDbContext db,
    IDataProtectionProvider dataProtection,
    IOptions<IdpOptions> options,
    IOptions<AccessTokenSigningOptions> accessTokenSigning,
    TimeProvider time,
    ILogger<SigningKeyStore> logger)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("ClinikoIdP.Keys.v1");

    public async Task EnsureActiveKeysAsync(CancellationToken cancellationToken = default)
    {
        var wanted = new List<(string Use, string Algorithm)>
        {
            (SigningKeyRecord.SigningUse, SecurityAlgorithms.RsaSha256),
            (SigningKeyRecord.EncryptionUse, SecurityAlgorithms.Aes256KW),
            (SigningKeyRecord.EncryptionUse, SecurityAlgorithms.HmacSha256),
        };
        if (accessTokenSigning.Value.UsesEcdsa)
        {
            wanted.Add((SigningKeyRecord.SigningUse, SecurityAlgorithms.EcdsaSha256));
        }

        foreach (var (use, algorithm) in wanted)
        {
            if (!await db.SigningKeys.AnyAsync(k => k.Use == use && k.Algorithm == algorithm && k.RetiredAt == null, cancellationToken))
            {
                db.SigningKeys.Add(CreateRecord(use, algorithm));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// Adds a new active key of the given use (one per algorithm in use, RSA first); the previous ones stay published
    /// until they expire. Returns the first new key.
    /// </summary>
    public async Task<SigningKeyRecord> RotateAsync(string use, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var active = await db.SigningKeys.Where(k => k.Use == use && k.RetiredAt == null).ToListAsync(cancellationToken);
        foreach (var key in active)
        {
            key.RetiredAt = now;
            key.ExpiresAt = now + options.Value.RetiredKeyLifetime;
        }

        var algorithms = active.Select(k => k.Algorithm).Append(DefaultAlgorithm(use))
            .Distinct(StringComparer.Ordinal).OrderBy(a => a == DefaultAlgorithm(use) ? 0 : 1);
        var created = algorithms.Select(algorithm => CreateRecord(use, algorithm)).ToList();
        db.SigningKeys.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        return created[0];
    }

    public async Task<IReadOnlyList<SigningKeyRecord>> ListAsync(CancellationToken cancellationToken = default)
    {
        var keys = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        return [.. keys.OrderBy(k => k.Use).ThenByDescending(k => k.CreatedAt)];
    }

    /// <summary>Keys still published (active first, newest first), unprotected for the token server.</summary>
    public async Task<IReadOnlyList<(SigningKeyRecord Record, SecurityKey Key)>> LoadPublishedAsync(
        string use, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var records = (await db.SigningKeys.AsNoTracking().Where(k => k.Use == use).ToListAsync(cancellationToken))
            .Where(k => k.IsPublishedAt(now))
            .OrderBy(k => k.IsActive ? 0 : 1)
            .ThenByDescending(k => k.CreatedAt);
        return [.. records.Select(r => (r, ToSecurityKey(r)))];
    }

    /// <summary>
    /// The identity of the key set a token server should hold now: the published keys of both uses, active ones marked.
    /// Two nodes with the same fingerprint sign with the same key and publish the same JWKS.
    /// </summary>
    public async Task<string> FingerprintAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var keys = await db.SigningKeys.AsNoTracking().ToListAsync(cancellationToken);
        return Fingerprint(keys.Where(k => k.IsPublishedAt(now)));
    }

    public static string Fingerprint(IEnumerable<SigningKeyRecord> published) => string.Join(",", published
        .OrderBy(k => k.Use, StringComparer.Ordinal).ThenBy(k => k.Id, StringComparer.Ordinal)
        .Select(k => $"{k.Use}:{k.Id}:{(k.IsActive ? "active" : "retired")}"));

    private static string DefaultAlgorithm(string use) =>
        use == SigningKeyRecord.SigningUse ? SecurityAlgorithms.RsaSha256 : SecurityAlgorithms.Aes256KW;

    private SigningKeyRecord CreateRecord(string use, string algorithm)
    {
        var id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        byte[] material;
        if (algorithm == SecurityAlgorithms.RsaSha256)
        {
            using var rsa = RSA.Create(2048);
            material = rsa.ExportPkcs8PrivateKey();
        }
        else if (algorithm == SecurityAlgorithms.EcdsaSha256)
        {
            using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            material = ecdsa.ExportPkcs8PrivateKey();
        }
        else
        {
            // Symmetric keys (HS256 signing, A256KW encryption) protect the tokens only this server reads, codes and
            // refresh tokens: microseconds, where an RSA signature costs about a millisecond.
            material = RandomNumberGenerator.GetBytes(32);
        }

        var record = new SigningKeyRecord
        {
            Id = id,
            Use = use,
            Algorithm = algorithm,
            ProtectedMaterial = Convert.ToBase64String(protector.Protect(material)),
            CreatedAt = time.GetUtcNow(),
        };
        CryptographicOperations.ZeroMemory(material);
        Log.KeyCreated(logger, use, id);
        return record;
    }

    private SecurityKey ToSecurityKey(SigningKeyRecord record)
    {
        var material = protector.Unprotect(Convert.FromBase64String(record.ProtectedMaterial));
        if (record.Use == SigningKeyRecord.EncryptionUse)
        {
            return new SymmetricSecurityKey(material) { KeyId = record.Id };
        }

        if (record.Algorithm == SecurityAlgorithms.EcdsaSha256)
        {
            var ecdsa = ECDsa.Create();
            ecdsa.ImportPkcs8PrivateKey(material, out _);
            CryptographicOperations.ZeroMemory(material);
            return new ECDsaSecurityKey(ecdsa) { KeyId = record.Id };
        }

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(material, out _);
        CryptographicOperations.ZeroMemory(material);
        return new RsaSecurityKey(rsa) { KeyId = record.Id };
    }
}
