namespace ClinikoIdP.Server.Features.BackupCodes;

/// <summary>One printed backup code, stored only as a salted hash; usable once.</summary>
public sealed class BackupCodeRecord
{
    public long Id { get; set; }

    public required string UserId { get; set; }

    public required string Hash { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? UsedAt { get; set; }
}
