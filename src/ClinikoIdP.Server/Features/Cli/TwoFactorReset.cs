using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Features.TwoFactor;
using ClinikoIdP.Server.Features.Users;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Cli;

/// <summary>
/// An administrator's answer to "I lost my phone and my backup codes": removes the authenticator and backup codes,
/// ends every session (security stamp), revokes refresh tokens and authorizations; the next sign-in enrols again.
/// </summary>
public sealed class TwoFactorReset(
    UserAdministration administration,
    AuthenticatorStore authenticators,
    BackupCodeStore backupCodes,
    UserManager<ClinicUser> users,
    SessionAuthorizations authorizations,
    SecurityEventWriter events)
{
    public async Task ResetAsync(string email, string? actorId, CancellationToken cancellationToken)
    {
        var user = await administration.FindAsync(email);
        await authenticators.RemoveAsync(user);
        await backupCodes.DeleteAllAsync(user);
        await users.UpdateSecurityStampAsync(user);
        await authorizations.RevokeAllForSubjectAsync(user.Id, cancellationToken);
        await events.WriteAsync(SecurityEventKinds.AdminReset2fa, SecurityEventOutcomes.Succeeded, user, actorId: actorId ?? "cli");
    }
}
