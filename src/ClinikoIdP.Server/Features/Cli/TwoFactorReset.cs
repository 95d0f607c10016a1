using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.TwoFactor;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Cli;

/// <summary>
/// An administrator's answer to "I lost my phone and my backup codes": removes the authenticator, passkeys and backup codes,
/// ends every session (the server's session records and the security stamp, which also voids a sign-in half-way
/// through), revokes refresh tokens and authorizations (with back-channel logout); the next sign-in enrols again.
/// The command line and the admin console both run exactly this.
/// </summary>
public sealed class TwoFactorReset(
    UserAdministration administration,
    AuthenticatorStore authenticators,
    BackupCodeStore backupCodes,
    PasskeyCredentials passkeys,
    UserManager<ClinicUser> users,
    SessionAuthorizations authorizations,
    SessionRegistry sessions,
    SecurityEventWriter events)
{
    public async Task ResetAsync(string email, string? actorId, CancellationToken cancellationToken) =>
        await ResetAsync(await administration.FindAsync(email), actorId, cancellationToken);

    /// <param name="actorId">The administrator who asked for the reset; null on the command line.</param>
    public async Task ResetAsync(ClinicUser user, string? actorId, CancellationToken cancellationToken)
    {
        await authenticators.RemoveAsync(user);
        await backupCodes.DeleteAllAsync(user);
        await passkeys.RemoveAllAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await sessions.EndAllForUserAsync(user.Id, SessionEndReasons.TwoFactorReset, cancellationToken);
        await authorizations.RevokeAllForSubjectAsync(user.Id, cancellationToken);
        await events.WriteAsync(SecurityEventKinds.AdminReset2fa, SecurityEventOutcomes.Succeeded, user, actorId: actorId ?? SecurityEventActors.CommandLine);
    }
}
