using ClinikoIdP.Server.Keys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Data;

/// <summary>
/// The one database of ClinikoIdP: Identity users, OpenIddict's applications, scopes, authorizations and tokens,
/// the signing keys and the Data Protection key ring, so that several nodes can share all state.
/// </summary>
public sealed class IdpDbContext(DbContextOptions<IdpDbContext> options)
    : IdentityDbContext<ClinicUser>(options), IDataProtectionKeyContext
{
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        builder.Entity<ClinicUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(ClinicUser.MaxDisplayNameLength);
        });

        builder.Entity<SigningKeyRecord>(key =>
        {
            key.ToTable("SigningKeys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Id).HasMaxLength(64);
            key.Property(k => k.Use).HasMaxLength(8);
            key.Property(k => k.Algorithm).HasMaxLength(32);
            key.Property(k => k.ProtectedMaterial).IsRequired();
        });
    }
}
