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
    TimeProvider time,
    ILogger<SigningKeyStore> logger)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("ClinikoIdP.Keys.v1");

    public async Task EnsureActiveKeysAsync(CancellationToken cancellationToken = default)
    {
        foreach (var use in new[] { SigningKeyRecord.SigningUse, SigningKeyRecord.EncryptionUse })
        {
            if (!await db.SigningKeys.AnyAsync(k => k.Use == use && k.RetiredAt == null, cancellationToken))
            {
                db.SigningKeys.Add(CreateRecord(use));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Adds a new active key of the given use; the previous one stays published until it expires.</summary>
    public async Task<SigningKeyRecord> RotateAsync(string use, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var active = await db.SigningKeys.Where(k => k.Use == use && k.RetiredAt == null).ToListAsync(cancellationToken);
        foreach (var key in active)
        {
            key.RetiredAt = now;
            key.ExpiresAt = now + options.Value.RetiredKeyLifetime;
        }

        var created = CreateRecord(use);
        db.SigningKeys.Add(created);
        await db.SaveChangesAsync(cancellationToken);
        return created;
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

    private SigningKeyRecord CreateRecord(string use)
    {
        var id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16));
        byte[] material;
        string algorithm;
        if (use == SigningKeyRecord.SigningUse)
        {
            using var rsa = RSA.Create(2048);
            material = rsa.ExportPkcs8PrivateKey();
            algorithm = SecurityAlgorithms.RsaSha256;
        }
        else
        {
            // A symmetric key protects codes and refresh tokens: far cheaper than RSA (DOTNET-NOTES measured costs).
            material = RandomNumberGenerator.GetBytes(32);
            algorithm = SecurityAlgorithms.Aes256KW;
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

        var rsa = RSA.Create();
        rsa.ImportPkcs8PrivateKey(material, out _);
        CryptographicOperations.ZeroMemory(material);
        return new RsaSecurityKey(rsa) { KeyId = record.Id };
    }
}
