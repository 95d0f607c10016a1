using ClinikoIdP.Server.Features.AccountLinks;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.SingleLogout;
using ClinikoIdP.Server.Keys;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ClinikoIdP.Server.Data;

/// <summary>
/// The one database of ClinikoIdP: Identity users, OpenIddict's applications, scopes, authorizations and tokens,
/// the signing keys and the Data Protection key ring, so that several nodes can share all state.
/// </summary>
/// <remarks>
/// This type carries the SQLite model and migrations; <see cref="PostgreSql.PostgreSqlIdpDbContext"/> derives from it
/// only so that PostgreSQL has a migration set of its own (EF Core finds migrations by context type).
/// </remarks>
public class IdpDbContext : IdentityDbContext<ClinicUser>, IDataProtectionKeyContext
{
    public IdpDbContext(DbContextOptions<IdpDbContext> options)
        : base(options)
    {
    }

    protected IdpDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public DbSet<SigningKeyRecord> SigningKeys => Set<SigningKeyRecord>();

    public DbSet<BackupCodeRecord> BackupCodes => Set<BackupCodeRecord>();

    public DbSet<SecurityEventRecord> SecurityEvents => Set<SecurityEventRecord>();

    public DbSet<BackChannelLogoutMessage> BackChannelLogoutMessages => Set<BackChannelLogoutMessage>();

    public DbSet<OrganisationSettingRecord> OrganisationSettings => Set<OrganisationSettingRecord>();

    public DbSet<UserSessionRecord> UserSessions => Set<UserSessionRecord>();

    public DbSet<OutboxEmailRecord> OutboxEmails => Set<OutboxEmailRecord>();

    public DbSet<AccountLinkRecord> AccountLinks => Set<AccountLinkRecord>();

    public DbSet<PasskeyUseRecord> PasskeyUses => Set<PasskeyUseRecord>();

    public DbSet<RememberedComputerRecord> RememberedComputers => Set<RememberedComputerRecord>();

    public DbSet<ClientAssertionUseRecord> ClientAssertionUses => Set<ClientAssertionUseRecord>();

    // Stored as sortable numbers: SQLite cannot compare or order DateTimeOffset text in queries.
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<DateTimeOffset?>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        builder.Entity<ClinicUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(ClinicUser.MaxDisplayNameLength);
            user.Property(u => u.AuthenticatorSecret).HasMaxLength(1024);
            user.Property(u => u.PendingAuthenticatorSecret).HasMaxLength(1024);

            // Written only by AuthenticatorStore's compare-and-set: an ordinary update of a user loaded earlier
            // (UserManager writes every column) must never move the replay guard backwards.
            user.Property(u => u.LastTotpStep).Metadata.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
        });

        builder.Entity<BackupCodeRecord>(code =>
        {
            code.ToTable("BackupCodes");
            code.Property(c => c.UserId).HasMaxLength(450);
            code.Property(c => c.Hash).HasMaxLength(256);
            code.HasIndex(c => c.UserId);
            code.HasOne<ClinicUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<SecurityEventRecord>(entry =>
        {
            entry.ToTable("SecurityEvents");
            entry.Property(e => e.Kind).HasMaxLength(64);
            entry.Property(e => e.Outcome).HasMaxLength(32);
            entry.Property(e => e.UserId).HasMaxLength(450);
            entry.Property(e => e.Email).HasMaxLength(256);
            entry.Property(e => e.ActorId).HasMaxLength(450);
            entry.Property(e => e.ClientId).HasMaxLength(100);
            entry.Property(e => e.IpAddress).HasMaxLength(64);
            entry.Property(e => e.UserAgent).HasMaxLength(512);
            entry.Property(e => e.Detail).HasMaxLength(1024);
            entry.HasIndex(e => e.OccurredAt);
            entry.HasIndex(e => e.UserId);
            entry.Property(e => e.PreviousHash).HasMaxLength(64);
            entry.Property(e => e.Hash).HasMaxLength(64);
            entry.HasIndex(e => e.Sequence).IsUnique();
        });

        builder.Entity<UserSessionRecord>(session =>
        {
            session.ToTable("UserSessions");
            session.Property(s => s.Id).HasMaxLength(64);
            session.Property(s => s.UserId).HasMaxLength(450);
            session.Property(s => s.Methods).HasMaxLength(128);
            session.Property(s => s.IpAddress).HasMaxLength(64);
            session.Property(s => s.UserAgent).HasMaxLength(512);
            session.Property(s => s.EndReason).HasMaxLength(64);
            session.HasIndex(s => new { s.UserId, s.EndedAt });
            session.HasOne<ClinicUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OutboxEmailRecord>(message =>
        {
            message.ToTable("OutboxEmails");
            message.Property(m => m.Kind).HasMaxLength(64);
            message.Property(m => m.UserId).HasMaxLength(450);
            message.Property(m => m.Recipient).HasMaxLength(256);
            message.Property(m => m.Subject).HasMaxLength(256);
            message.Property(m => m.LastError).HasMaxLength(512);
            message.HasIndex(m => new { m.SentAt, m.AbandonedAt, m.NextAttemptAt });
            message.HasIndex(m => new { m.UserId, m.Kind });
            message.HasOne<ClinicUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<AccountLinkRecord>(link =>
        {
            link.ToTable("AccountLinks");
            link.Property(l => l.UserId).HasMaxLength(450);
            link.Property(l => l.Purpose).HasMaxLength(32);
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.Property(l => l.CreatedBy).HasMaxLength(450);
            link.Property(l => l.PendingPasswordHash).HasMaxLength(1024);
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => new { l.UserId, l.Purpose });
            link.HasOne<ClinicUser>().WithMany().HasForeignKey(l => l.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<ClientAssertionUseRecord>(use =>
        {
            use.ToTable("ClientAssertionUses");
            use.HasKey(u => new { u.ClientId, u.Jti });
            use.Property(u => u.ClientId).HasMaxLength(100);
            use.Property(u => u.Jti).HasMaxLength(ClientAssertionUseRecord.MaxJtiLength);
            use.HasIndex(u => u.ExpiresAt);
        });

        builder.Entity<PasskeyUseRecord>(use =>
        {
            use.ToTable("PasskeyUses");
            use.HasKey(u => u.CredentialId);
            use.Property(u => u.CredentialId).HasMaxLength(1024);
            use.Property(u => u.UserId).HasMaxLength(450);
            use.HasIndex(u => u.UserId);
            use.HasOne<ClinicUser>().WithMany().HasForeignKey(u => u.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<RememberedComputerRecord>(computer =>
        {
            computer.ToTable("RememberedComputers");
            computer.Property(c => c.UserId).HasMaxLength(450);
            computer.Property(c => c.TokenHash).HasMaxLength(64);
            computer.Property(c => c.Browser).HasMaxLength(64);
            computer.Property(c => c.OperatingSystem).HasMaxLength(64);
            computer.Property(c => c.FirstIpAddress).HasMaxLength(64);
            computer.Property(c => c.LastIpAddress).HasMaxLength(64);
            computer.Property(c => c.RevokedReason).HasMaxLength(64);
            computer.HasIndex(c => c.TokenHash).IsUnique();
            computer.HasIndex(c => new { c.UserId, c.RevokedAt });
            computer.HasOne<ClinicUser>().WithMany().HasForeignKey(c => c.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OrganisationSettingRecord>(setting =>
        {
            setting.ToTable("OrganisationSettings");
            setting.HasKey(s => s.Name);
            setting.Property(s => s.Name).HasMaxLength(64);
            setting.Property(s => s.Value).HasMaxLength(256);
            setting.Property(s => s.UpdatedBy).HasMaxLength(450);
        });

        builder.Entity<BackChannelLogoutMessage>(message =>
        {
            message.ToTable("BackChannelLogoutMessages");
            message.Property(m => m.ClientId).HasMaxLength(100);
            message.Property(m => m.LogoutUri).HasMaxLength(2000);
            message.Property(m => m.Subject).HasMaxLength(450);
            message.Property(m => m.SessionId).HasMaxLength(64);
            message.Property(m => m.LastError).HasMaxLength(512);
            message.HasIndex(m => new { m.DeliveredAt, m.AbandonedAt, m.NextAttemptAt });
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
