using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.RememberedComputers;

/// <summary>
/// Remembers a browser after a second factor, and recognises it at the next sign-in so the second factor is not asked
/// again there. A remembered computer stands in for the second factor only, never for the password, and only while
/// the organisation allows it: turned off, every remembered computer is ignored (and kept, for when it is back on).
/// </summary>
public sealed class RememberedComputerSignIn(
    IdpDbContext db,
    OrganisationSecurity security,
    RememberedComputerCookie cookie,
    SecurityEventWriter events,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider time,
    ILogger<RememberedComputerSignIn> logger)
{
    private HttpContext Http => httpContextAccessor.HttpContext
        ?? throw new InvalidOperationException("A computer is remembered only during a request.");

    /// <summary>For how many days the second-factor page may offer to remember this computer; null when it may not.</summary>
    public async Task<int?> OfferedDaysAsync(CancellationToken cancellationToken)
    {
        var settings = await security.GetAsync(cancellationToken);
        return settings.RememberComputers ? settings.RememberComputerDays : null;
    }

    /// <summary>
    /// Remembers this browser for the person who has just passed a second factor (call it only then). Does nothing
    /// when the organisation does not allow it. A computer already remembered for them gets a new token.
    /// </summary>
    public async Task RememberAsync(ClinicUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await OfferedDaysAsync(cancellationToken) is not { } days)
        {
            return;
        }

        var now = time.GetUtcNow();
        if (await FindLiveAsync(user, now, cancellationToken) is { } previous)
        {
            previous.RevokedAt = now;
            previous.RevokedReason = RememberedComputerReasons.Replaced;
        }

        var (browser, system) = RememberedComputerUserAgent.Parse(Http.Request.Headers.UserAgent.ToString());
        var ip = IpAddress();
        var token = RememberedComputerCookie.NewToken();
        var record = new RememberedComputerRecord
        {
            UserId = user.Id,
            TokenHash = RememberedComputerCookie.Hash(token),
            Browser = browser,
            OperatingSystem = system,
            FirstIpAddress = ip,
            LastIpAddress = ip,
            CreatedAt = now,
            LastSeenAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.RememberedComputers.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        cookie.Write(Http, user.Id, token, record.ExpiresAt);
        Log.ComputerRemembered(logger, user.Id, record.Id, days);
        await events.WriteAsync(SecurityEventKinds.ComputerRemembered, SecurityEventOutcomes.Succeeded, user,
            $"{browser} on {system}, for {days} {(days == 1 ? "day" : "days")}");
    }

    /// <summary>
    /// The live remembered computer this browser proves for this person, or null: none, another person's, tampered
    /// with, forgotten, expired, or the organisation no longer allows remembering. A cookie that no longer opens
    /// anything is deleted.
    /// </summary>
    public async Task<RememberedComputerRecord?> RecogniseAsync(ClinicUser user, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (await OfferedDaysAsync(cancellationToken) is null || !Http.Request.Cookies.ContainsKey(cookie.NameFor(user.Id)))
        {
            return null;
        }

        var record = await FindLiveAsync(user, time.GetUtcNow(), cancellationToken);
        if (record is null)
        {
            cookie.Delete(Http, user.Id);
            Log.ComputerNotRecognised(logger, user.Id);
        }

        return record;
    }

    /// <summary>Notes that the remembered computer was just used to skip the second factor.</summary>
    public async Task MarkUsedAsync(ClinicUser user, RememberedComputerRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        record.LastSeenAt = time.GetUtcNow();
        record.LastIpAddress = IpAddress();
        await db.SaveChangesAsync(cancellationToken);
        Log.ComputerRecognised(logger, record.UserId, record.Id);

        // The audit trail shows every sign-in that skipped the second factor, and on which remembered computer.
        await events.WriteAsync(SecurityEventKinds.RememberedComputerUsed, SecurityEventOutcomes.Succeeded, user,
            $"{record.Browser} on {record.OperatingSystem}, remembered {record.CreatedAt.UtcDateTime:yyyy-MM-dd}");
    }

    /// <summary>The id of the live remembered computer this browser is for this person (the "this computer" marker), or null.</summary>
    public async Task<long?> ThisComputerIdAsync(ClinicUser user, CancellationToken cancellationToken) =>
        (await FindLiveAsync(user, time.GetUtcNow(), cancellationToken))?.Id;

    private async Task<RememberedComputerRecord?> FindLiveAsync(ClinicUser user, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (cookie.ReadToken(Http, user.Id) is not { } token)
        {
            return null;
        }

        var hash = RememberedComputerCookie.Hash(token);
        return await db.RememberedComputers.SingleOrDefaultAsync(
            c => c.TokenHash == hash && c.UserId == user.Id && c.RevokedAt == null && c.ExpiresAt > now, cancellationToken);
    }

    private string? IpAddress() => Http.Connection.RemoteIpAddress?.ToString() is { } ip && ip.Length <= 64 ? ip : null;
}
