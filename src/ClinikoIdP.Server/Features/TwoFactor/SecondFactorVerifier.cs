using ClinikoIdP.Authentication.BackupCodes;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Authentication.Totp;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.BackupCodes;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.TwoFactor;

/// <summary>The outcome of one typed code: the methods it proves, or why it was refused.</summary>
public sealed record SecondFactorResult(IReadOnlyList<string>? Methods, string? Error, int? BackupCodesLeft = null)
{
    public bool Succeeded => Methods is not null;
}

/// <summary>
/// Checks the one field of the second-factor page (authenticator code or backup code). Every refusal counts towards
/// the account's lockout (the same counter as passwords), so guessing is limited per account.
/// </summary>
public sealed class SecondFactorVerifier(
    AuthenticatorStore authenticators,
    BackupCodeStore backupCodes,
    UserManager<ClinicUser> users,
    SecurityEventWriter events,
    IdpMetrics metrics)
{
    public async Task<SecondFactorResult> VerifyAsync(ClinicUser user, string typed)
    {
        if (await users.IsLockedOutAsync(user))
        {
            await events.WriteAsync(SecurityEventKinds.SecondFactor, SecurityEventOutcomes.LockedOut, user);
            return new SecondFactorResult(null, SecondFactorMessages.LockedOut);
        }

        switch (BackupCodeNormalizer.Classify(typed))
        {
            case TypedCodeKind.TotpCode:
                var check = await authenticators.VerifyAsync(user, typed);
                if (check.IsAccepted)
                {
                    await users.ResetAccessFailedCountAsync(user);
                    await events.WriteAsync(SecurityEventKinds.SecondFactor, SecurityEventOutcomes.Succeeded, user, "authenticator");
                    return new SecondFactorResult(AuthenticationLevel.AfterAuthenticatorCode, null);
                }

                var outcome = check.Outcome == TotpOutcome.Replayed ? SecurityEventOutcomes.Replayed : SecurityEventOutcomes.Failed;
                metrics.SecondFactorRefused(SecondFactorMethods.Totp, replayed: check.Outcome == TotpOutcome.Replayed);
                return await FailAsync(user, outcome, "authenticator", SecondFactorMessages.For(check));

            case TypedCodeKind.BackupCode:
                var left = await backupCodes.RedeemAsync(user, typed);
                if (left is not null)
                {
                    await users.ResetAccessFailedCountAsync(user);
                    await events.WriteAsync(SecurityEventKinds.BackupCodeUsed, SecurityEventOutcomes.Succeeded, user, $"{left} left");
                    return new SecondFactorResult(AuthenticationLevel.AfterRecoveryCode, null, left);
                }

                metrics.SecondFactorRefused(SecondFactorMethods.BackupCode, replayed: false);
                return await FailAsync(user, SecurityEventOutcomes.Failed, "backup code", SecondFactorMessages.WrongOrUsed);

            default:
                metrics.SecondFactorRefused(SecondFactorMethods.Unrecognised, replayed: false);
                return await FailAsync(user, SecurityEventOutcomes.Failed, "unrecognised", SecondFactorMessages.Unrecognised);
        }
    }

    private async Task<SecondFactorResult> FailAsync(ClinicUser user, string outcome, string detail, string message)
    {
        await users.AccessFailedAsync(user);
        var lockedOut = await users.IsLockedOutAsync(user);
        await events.WriteAsync(SecurityEventKinds.SecondFactor, lockedOut ? SecurityEventOutcomes.LockedOut : outcome, user, detail);
        return new SecondFactorResult(null, lockedOut ? SecondFactorMessages.LockedOut : message);
    }
}
