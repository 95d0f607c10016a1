using ClinikoIdP.Authentication.Totp;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.RememberedComputers;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.TwoFactor;

/// <summary>
/// A user's authenticator app: the TOTP secret is encrypted at rest with Data Protection and never logged,
/// and each accepted time step is claimed atomically in the database so a code works once only, across nodes.
/// </summary>
public sealed class AuthenticatorStore(
    IdpDbContext db,
    IDataProtectionProvider dataProtection,
    TotpVerifier verifier,
    IOptions<TwoFactorOptions> options,
    TimeProvider time)
{
    private readonly IDataProtector protector = dataProtection.CreateProtector("ClinikoIdP.Authenticator.v1");

    /// <summary>Starts (or resumes) setting up an authenticator; the current one, if any, keeps working meanwhile.</summary>
    public async Task<AuthenticatorSetup> BeginSetupAsync(ClinicUser user)
    {
        if (user.PendingAuthenticatorSecret is null)
        {
            user.PendingAuthenticatorSecret = protector.Protect(TotpSecret.ToBase32(TotpSecret.Generate()));
            await db.SaveChangesAsync();
        }

        var base32 = protector.Unprotect(user.PendingAuthenticatorSecret);
        var secret = TotpSecret.FromBase32(base32);
        return new AuthenticatorSetup(
            TotpUri.Build(options.Value.Issuer, user.Email ?? user.UserName ?? user.Id, secret),
            TotpSecret.FormatForDisplay(base32));
    }

    /// <summary>Confirms the pending secret with one valid code; only then does it replace any previous authenticator.</summary>
    public async Task<TotpCheck> ConfirmSetupAsync(ClinicUser user, string? code)
    {
        var pending = user.PendingAuthenticatorSecret;
        if (pending is null)
        {
            return TotpCheck.Invalid;
        }

        // Replay protection belongs to a secret: no code of this new one has been accepted yet, however recently the
        // old phone's code was (a user who just signed in and sets up a new phone types a code of the same time step).
        var secret = TotpSecret.FromBase32(protector.Unprotect(pending));
        var check = verifier.Verify(secret, code, lastAcceptedStep: null);
        if (!check.IsAccepted)
        {
            return check;
        }

        // One compare-and-set swaps the secret in and consumes the confirming code, so it cannot be replayed at the
        // next sign-in, and of two concurrent confirmations of one pending secret only one succeeds.
        var step = check.MatchedStep!.Value;
        var now = time.GetUtcNow();
        var swapped = await db.Users
            .Where(u => u.Id == user.Id && u.PendingAuthenticatorSecret == pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(u => u.AuthenticatorSecret, pending)
                .SetProperty(u => u.PendingAuthenticatorSecret, (string?)null)
                .SetProperty(u => u.AuthenticatorEnrolledAt, now)
                .SetProperty(u => u.LastTotpStep, step));
        if (swapped != 1)
        {
            return TotpCheck.Replayed;
        }

        await db.Entry(user).ReloadAsync();
        return check;
    }

    public async Task<TotpCheck> VerifyAsync(ClinicUser user, string? code)
    {
        if (user.AuthenticatorSecret is null)
        {
            return TotpCheck.Invalid;
        }

        var secret = TotpSecret.FromBase32(protector.Unprotect(user.AuthenticatorSecret));
        var check = verifier.Verify(secret, code, user.LastTotpStep);
        if (!check.IsAccepted)
        {
            return check;
        }

        return await TryClaimStepAsync(user, check.MatchedStep!.Value) ? check : TotpCheck.Replayed;
    }

    /// <summary>Compare-and-set: of two concurrent submissions of one code (even on two nodes), one moves the step forward.</summary>
    private async Task<bool> TryClaimStepAsync(ClinicUser user, long step)
    {
        var claimed = await db.Users
            .Where(u => u.Id == user.Id && (u.LastTotpStep == null || u.LastTotpStep < step))
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.LastTotpStep, step));
        if (claimed == 1)
        {
            user.LastTotpStep = step;
        }

        return claimed == 1;
    }

    /// <summary>Removes the authenticator, and every remembered computer (it stood in for this authenticator).</summary>
    public async Task RemoveAsync(ClinicUser user)
    {
        // First: a failure after it leaves the computers forgotten, never an authenticator gone and its stand-ins kept.
        await RememberedComputerRevoker.RevokeAllAsync(db, user.Id, RememberedComputerReasons.AuthenticatorRemoved, time.GetUtcNow());
        user.AuthenticatorSecret = null;
        user.PendingAuthenticatorSecret = null;
        user.AuthenticatorEnrolledAt = null;
        await db.SaveChangesAsync();
    }
}
