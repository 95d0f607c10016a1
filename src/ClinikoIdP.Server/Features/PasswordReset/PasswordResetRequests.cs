using System.Data.Common;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.AccountLinks;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Users;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.PasswordReset;

/// <summary>
/// Handles "Forgot password?": emails a single-use link to the account that uses the address, if there is one and it
/// may reset its password. The caller answers the same whatever happened here, so nothing this does (or refuses to
/// do) may show in the response; the outcome goes only to the audit trail and the log.
/// </summary>
public sealed class PasswordResetRequests(
    IdpDbContext db,
    UserManager<ClinicUser> users,
    AccountLinkStore links,
    AccountLinkUrls urls,
    EmailOutbox outbox,
    PasswordResetCompletion completion,
    PasskeyCredentials passkeys,
    SecurityEventWriter events,
    IOptions<EmailOptions> options,
    IOptions<IdpOptions> idpOptions,
    IHttpContextAccessor httpContextAccessor,
    TimeProvider time,
    ILogger<PasswordResetRequests> logger)
{
    /// <summary>Reset emails one account receives in an hour at most; further requests send nothing (and say the same).</summary>
    public const int MaxEmailsPerHour = 3;

    private static readonly TimeSpan RateWindow = TimeSpan.FromHours(1);

    public async Task RequestAsync(string email, string? returnUrl, CancellationToken cancellationToken)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null)
        {
            Log.PasswordResetForUnknownAddress(logger);
            return;
        }

        var refusal = user.PasswordHash is null ? "the account has no password yet (invitation not accepted)"
            : AdministratorLock.Holds(user) ? "the account is locked by an administrator"
            : await SendAsync(user, returnUrl, cancellationToken);
        if (refusal is null)
        {
            Log.PasswordResetLinkQueued(logger, user.Id);
        }
        else
        {
            Log.PasswordResetNotSent(logger, user.Id, refusal);
        }

        await events.WriteAsync(SecurityEventKinds.PasswordResetRequested,
            refusal is null ? SecurityEventOutcomes.Succeeded : SecurityEventOutcomes.Failed, user, refusal ?? "link emailed");
    }

    /// <summary>Queues the link and its email in one commit; returns why nothing was sent, or null when it was.</summary>
    private async Task<string?> SendAsync(ClinicUser user, string? returnUrl, CancellationToken cancellationToken)
    {
        try
        {
            // A new password still waiting from an earlier reset can no longer apply once its sign-in step has expired.
            await completion.ForgetWaitingPasswordsAsync(user.Id, cancellationToken, olderThan: idpOptions.Value.PendingSignInLifetime);

            // Counting and adding in one serializable transaction (on SQLite a write lock taken at its start), so two
            // requests at the same moment cannot both slip under the hourly limit.
            await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, cancellationToken);
            var since = time.GetUtcNow() - RateWindow;
            var recent = await db.Set<AccountLinkRecord>()
                .CountAsync(l => l.UserId == user.Id && l.Purpose == AccountLinkPurposes.PasswordReset && l.CreatedAt > since, cancellationToken);
            if (recent >= MaxEmailsPerHour)
            {
                return $"{MaxEmailsPerHour} reset emails were already sent in the last hour";
            }

            var lifetime = options.Value.PasswordResetLinkLifetime;
            await outbox.WithdrawUnsentAsync(EmailKinds.PasswordReset, user.Id, cancellationToken);
            var token = await links.StageAsync(user, AccountLinkPurposes.PasswordReset, lifetime, createdBy: null, cancellationToken);
            if (LinkFor(token, returnUrl) is not { } link)
            {
                return "the server's public address is unknown (set IdP:Issuer)";
            }

            var from = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress?.ToString();
            var hasSecondFactor = user.HasAuthenticator || await passkeys.HasAnyAsync(user);
            var content = PasswordResetEmail.Compose(outbox.Brand, user, hasSecondFactor, link, lifetime, time.GetUtcNow(), from);
            if (!outbox.Stage(EmailKinds.PasswordReset, user, user.Email!, content))
            {
                return "email is not configured";
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            outbox.Wake();
            return null;
        }
        catch (Exception exception) when (exception is DbUpdateException or DbException)
        {
            // Failing out loud here would answer differently for an address that has an account.
            Log.PasswordResetQueueFailed(logger, exception, user.Id);
            db.ChangeTracker.Clear();
            return "the email could not be queued";
        }
    }

    private string? LinkFor(string token, string? returnUrl)
    {
        var link = urls.For(PasswordResetRoutes.ResetPassword, token);
        return link is null || !LocalUrl.IsLocal(returnUrl) ? link : QueryHelpers.AddQueryString(link, "ReturnUrl", returnUrl!);
    }
}
