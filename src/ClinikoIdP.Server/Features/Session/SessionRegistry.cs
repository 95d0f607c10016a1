using System.Security.Cryptography;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.OrganisationSettings;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Session;

/// <summary>
/// The server's list of browser sessions (<see cref="UserSessionRecord"/>): every session cookie names a record, and a
/// cookie whose record is ended, or that has none, is refused. That is what lets one session be ended from the console
/// while the user's other browsers stay signed in.
/// </summary>
public sealed class SessionRegistry(
    IdpDbContext db, IHttpContextAccessor httpContextAccessor, OrganisationSecurity security, TimeProvider time)
{
    /// <summary>How often a session's last-seen time is written: often enough to read, rarely enough not to cost.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    private const int MaxUserAgentLength = 512;
    private const int MaxMethodsLength = 128;
    private const int MaxIpAddressLength = 64;

    /// <summary>
    /// Records the session a sign-in is starting and returns its <c>sid</c>. A step-up keeps the <c>sid</c> it asked
    /// for only while that session is still live and the user's own; an ended session is never revived.
    /// </summary>
    public async Task<string> RecordAsync(ClinicUser user, string? sessionId, IEnumerable<string> methods, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var request = httpContextAccessor.HttpContext;
        var record = sessionId is null ? null : await db.UserSessions.FindAsync([sessionId], cancellationToken);
        if (record is null || record.EndedAt is not null || record.UserId != user.Id)
        {
            record = new UserSessionRecord
            {
                Id = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
                UserId = user.Id,
                StartedAt = now,
            };
            db.UserSessions.Add(record);
        }

        record.LastSeenAt = now;
        record.Methods = Truncate(string.Join(' ', methods.Distinct(StringComparer.Ordinal)), MaxMethodsLength);
        record.IpAddress = Truncate(request?.Connection.RemoteIpAddress?.ToString(), MaxIpAddressLength);
        record.UserAgent = Truncate(request?.Request.Headers.UserAgent.ToString(), MaxUserAgentLength);

        // The browser's previous session (another account, or a forced fresh sign-in) is replaced by this one.
        var replaced = request?.User.GetSessionId();
        if (replaced is not null && replaced != record.Id)
        {
            await EndAsync(replaced, SessionEndReasons.Replaced, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        return record.Id;
    }

    /// <summary>
    /// Runs on every request that carries a session cookie: refuses (and removes) a cookie whose session is ended or
    /// unknown, and notes the activity at most once per <see cref="TouchInterval"/>. Returns whether the session lives.
    /// </summary>
    public async Task<bool> ConfirmAsync(CookieValidatePrincipalContext context)
    {
        var principal = context.Principal;
        var sessionId = principal?.GetSessionId();
        var subject = principal?.FindFirst(Claims.Subject)?.Value;
        var cancellationToken = context.HttpContext.RequestAborted;
        var record = sessionId is null || subject is null
            ? null
            : await db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (record is null || record.EndedAt is not null || record.UserId != subject)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return false;
        }

        var now = time.GetUtcNow();
        if (now - record.LastSeenAt >= TouchInterval)
        {
            await db.UserSessions.Where(s => s.Id == record.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.LastSeenAt, now), cancellationToken);
        }

        return true;
    }

    /// <summary>Whether a session is still live for this user (a pending step-up of an ended session is void).</summary>
    public Task<bool> IsLiveAsync(string sessionId, string userId, CancellationToken cancellationToken) =>
        db.UserSessions.AnyAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null, cancellationToken);

    /// <summary>Ends one session; its cookie is refused from the next request on. Returns false when it was not live.</summary>
    public async Task<bool> EndAsync(string sessionId, string reason, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        return await db.UserSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EndedAt, now).SetProperty(r => r.EndReason, reason), cancellationToken) > 0;
    }

    /// <summary>Ends every live session of a user, except (after a password change) the browser that made the change.</summary>
    public async Task<int> EndAllForUserAsync(string userId, string reason, CancellationToken cancellationToken, string? exceptSessionId = null)
    {
        var now = time.GetUtcNow();
        return await db.UserSessions.Where(s => s.UserId == userId && s.EndedAt == null && s.Id != exceptSessionId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.EndedAt, now).SetProperty(r => r.EndReason, reason), cancellationToken);
    }

    /// <summary>
    /// A user's sessions that can still be used: not ended, within the absolute lifetime and not idle for longer than
    /// the idle timeout (a record outlives the cookie that timed out; it is simply no longer shown). Newest first.
    /// </summary>
    public async Task<IReadOnlyList<UserSessionRecord>> ListLiveAsync(string userId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var timeouts = (await security.GetAsync(cancellationToken)).SessionTimeouts;
        var startedAfter = now - timeouts.AbsoluteLifetime;
        var seenAfter = now - timeouts.IdleTimeout - TouchInterval;
        return await db.UserSessions.AsNoTracking()
            .Where(s => s.UserId == userId && s.EndedAt == null && s.StartedAt > startedAfter && s.LastSeenAt > seenAfter)
            .OrderByDescending(s => s.LastSeenAt)
            .ToListAsync(cancellationToken);
    }

    public Task<UserSessionRecord?> FindLiveAsync(string userId, string sessionId, CancellationToken cancellationToken) =>
        db.UserSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId && s.EndedAt == null, cancellationToken);

    private static string? Truncate(string? value, int length) =>
        string.IsNullOrEmpty(value) ? null : value.Length <= length ? value : value[..length];
}
