using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.TwoFactor;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.AccountNotifications;

/// <summary>
/// Emails the owner of an account when something security-relevant happens to it (<see cref="NotificationTriggers"/>),
/// fed by <see cref="SecurityEventWriter"/> once the event is in the audit trail. Queuing is one insert into the
/// outbox on a context of its own (so it never saves the caller's unfinished work); if even that fails it is logged
/// and the user's action goes on. Nothing is queued when email is off.
/// </summary>
public sealed class AccountNotifier(
    IDbContextFactory<IdpDbContext> databases,
    IDataProtectionProvider dataProtection,
    EmailDeliverySignal signal,
    IOptions<EmailOptions> email,
    IOptions<TwoFactorOptions> twoFactor,
    IOptions<IdentityOptions> identity,
    TimeProvider time,
    ILogger<AccountNotifier> logger) : ISecurityEventObserver
{
    private const string CommandLineActor = SecurityEventActors.CommandLine;

    public async Task OnWrittenAsync(SecurityEventRecord written, ClinicUser? user)
    {
        ArgumentNullException.ThrowIfNull(written);
        if (!email.Value.IsConfigured || user?.Email is not { Length: > 0 } address || NotificationTriggers.For(written) is not { } notice)
        {
            return;
        }

        try
        {
            await using var db = databases.CreateDbContext();
            if (NotificationTriggers.IsFailedAttemptsLockout(notice) && !await LockoutNotices.StartsLockoutAsync(db, written, user))
            {
                return;
            }

            var facts = new NotificationFacts(
                address,
                When(written.OccurredAt),
                From(written),
                await ByAsync(db, written),
                notice == AccountNotice.BackupCodeUsed ? await new BackupCodeStore(db, time).CountRemainingAsync(user) : null,
                identity.Value.Lockout.DefaultLockoutTimeSpan);
            var (kind, content) = NotificationMessages.Compose(notice, facts);
            var outbox = new EmailOutbox(db, dataProtection, signal, email, twoFactor, time);
            await outbox.EnqueueAsync(kind, user, address, content, CancellationToken.None);
            Log.NotificationQueued(logger, kind, user.Id);
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // The action this event records has already happened; a lost notification must not undo or fail it.
            Log.NotificationNotQueued(logger, exception, written.Kind, user.Id);
        }
    }

    private string When(DateTimeOffset occurredAt)
    {
        if (NotificationTime.Resolve(email.Value.TimeZone) is { } zone)
        {
            return NotificationTime.Format(occurredAt, zone.Zone, zone.Name);
        }

        Log.EmailTimeZoneUnknown(logger, email.Value.TimeZone);
        return NotificationTime.Format(occurredAt, TimeZoneInfo.Utc, NotificationTime.Utc);
    }

    private static string From(SecurityEventRecord written)
    {
        if (written.ActorId == CommandLineActor)
        {
            return "the server's command line";
        }

        var device = UserAgentDescription.Describe(written.UserAgent);
        return (device, written.IpAddress) switch
        {
            (null, null) => "an unknown place (no address was recorded)",
            (null, { } ip) => $"IP address {ip}",
            ({ } known, null) => known,
            ({ } known, { } ip) => $"{known}, IP address {ip}",
        };
    }

    private static async Task<string?> ByAsync(IdpDbContext db, SecurityEventRecord written)
    {
        if (written.ActorId is not { } actorId)
        {
            return null;
        }

        if (actorId == CommandLineActor)
        {
            return "An administrator, on the server's command line";
        }

        var name = await db.Users.AsNoTracking().Where(u => u.Id == actorId)
            .Select(u => u.DisplayName ?? u.Email).FirstOrDefaultAsync();
        return name is null ? "An administrator" : $"{name}, an administrator";
    }
}
