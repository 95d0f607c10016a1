using System.Security.Cryptography;
using System.Text;
using ClinikoIdP.Server.Data;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.AccountLinks;

/// <summary>
/// Issues, finds and uses single-use account links. A new link of a purpose revokes the person's earlier ones;
/// using a link is a conditional update, so of two tabs (or two nodes) submitting the same link exactly one wins.
/// </summary>
public sealed class AccountLinkStore(IdpDbContext db, TimeProvider time)
{
    /// <summary>Base64url of 32 random bytes: 43 characters.</summary>
    public const int TokenLength = 43;

    /// <summary>
    /// Adds a new link to the unit of work (and revokes the person's earlier live links of the same purpose) without
    /// saving, so the caller commits it together with its email. Returns the token to put in the link.
    /// </summary>
    public async Task<string> StageAsync(
        ClinicUser user, string purpose, TimeSpan lifetime, string? createdBy, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var earlier = await db.Set<AccountLinkRecord>()
            .Where(l => l.UserId == user.Id && l.Purpose == purpose && l.UsedAt == null && l.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var link in earlier)
        {
            link.RevokedAt = now;
        }

        var token = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.Set<AccountLinkRecord>().Add(new AccountLinkRecord
        {
            UserId = user.Id,
            Purpose = purpose,
            TokenHash = Hash(token),
            CreatedAt = now,
            ExpiresAt = now + lifetime,
            CreatedBy = createdBy,
        });
        return token;
    }

    /// <summary>The live (unused, unrevoked, unexpired) link of this purpose with this token, or null.</summary>
    public async Task<AccountLinkRecord?> FindLiveAsync(string? token, string purpose, CancellationToken cancellationToken)
    {
        if (token is null || token.Length != TokenLength)
        {
            return null;
        }

        var hash = Hash(token);
        var now = time.GetUtcNow();
        return await db.Set<AccountLinkRecord>().AsNoTracking()
            .SingleOrDefaultAsync(l => l.TokenHash == hash && l.Purpose == purpose && l.UsedAt == null && l.RevokedAt == null
                && l.ExpiresAt > now, cancellationToken);
    }

    /// <summary>Marks a live link used; false when it was used, revoked or expired meanwhile (someone else won).</summary>
    public async Task<bool> TryUseAsync(long linkId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Set<AccountLinkRecord>()
            .Where(l => l.Id == linkId && l.UsedAt == null && l.RevokedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken) == 1;
    }

    /// <summary>Revokes every live link of a person (of one purpose, or all): the account changed under them.</summary>
    public async Task<int> RevokeAllAsync(string userId, string? purpose, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.Set<AccountLinkRecord>()
            .Where(l => l.UserId == userId && (purpose == null || l.Purpose == purpose) && l.UsedAt == null && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), cancellationToken);
    }

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
