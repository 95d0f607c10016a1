using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// Checks a passkey's answer (WebAuthn authentication) with Identity, then applies ClinikoIdP's rules: one answer per
/// ceremony (<see cref="PasskeyCredentials.ClaimUseAsync"/>), the new signature counter stored, every use in the audit
/// trail, and a refused answer of a known person counted towards lockout like a wrong code.
/// </summary>
public sealed class PasskeyVerifier(
    PasskeyHandlers handlers,
    PasskeyCeremonies ceremonies,
    PasskeyCredentials credentials,
    UserManager<ClinicUser> users,
    SignInManager<ClinicUser> signInManager,
    SecurityEventWriter events,
    IdpMetrics metrics,
    IHttpContextAccessor httpContextAccessor)
{
    private const string SecondFactorDetail = "second factor";
    private const string PasswordlessDetail = "passwordless";

    /// <summary>The options for <c>navigator.credentials.get()</c> naming this person's passkeys.</summary>
    public async Task<string> BeginForUserAsync(ClinicUser user)
    {
        var options = await handlers.AfterPassword.MakeRequestOptionsAsync(user, Http);
        ceremonies.Begin(PasskeyCeremonyPurpose.Verify, user.Id, options.AssertionState!);
        return options.RequestOptionsJson;
    }

    /// <summary>The options for a passwordless sign-in: no person named, so the browser offers its discoverable passkeys.</summary>
    public async Task<string> BeginPasswordlessAsync()
    {
        var options = await handlers.Passwordless.MakeRequestOptionsAsync(null, Http);
        ceremonies.Begin(PasskeyCeremonyPurpose.Passwordless, null, options.AssertionState!);
        return options.RequestOptionsJson;
    }

    /// <summary>A passkey of a person who is already known: after the password, or to step a session up.</summary>
    public async Task<PasskeyCheck> VerifyForUserAsync(ClinicUser user, string credentialJson)
    {
        ArgumentNullException.ThrowIfNull(user);
        var ticket = ceremonies.Take(PasskeyCeremonyPurpose.Verify, user.Id);
        if (ticket is null)
        {
            return PasskeyCheck.Refused(PasskeyMessages.Expired);
        }

        if (await users.IsLockedOutAsync(user))
        {
            await events.WriteAsync(SecurityEventKinds.PasskeyUsed, SecurityEventOutcomes.LockedOut, user, SecondFactorDetail);
            return PasskeyCheck.Refused(PasskeyMessages.LockedOut);
        }

        var answer = PasskeyAnswer.Parse(credentialJson);
        var stored = answer is null ? null : await users.GetPasskeyAsync(user, answer.CredentialId);
        var result = await handlers.AfterPassword.PerformAssertionAsync(new PasskeyAssertionContext
        {
            HttpContext = Http,
            CredentialJson = credentialJson,
            AssertionState = ticket.State,
        });
        if (!result.Succeeded || result.User.Id != user.Id)
        {
            return await FailAsync(user, SecurityEventOutcomes.Failed, Reason(result.Failure, answer, stored));
        }

        if (!await credentials.ClaimUseAsync(user, result.Passkey.CredentialId, ticket.StartedAt))
        {
            return await FailAsync(user, SecurityEventOutcomes.Replayed, "the answer to this challenge was already used");
        }

        await users.AddOrUpdatePasskeyAsync(user, result.Passkey);
        await users.ResetAccessFailedCountAsync(user);
        await events.WriteAsync(SecurityEventKinds.PasskeyUsed, SecurityEventOutcomes.Succeeded, user, $"{SecondFactorDetail}: {result.Passkey.Name}");
        return new PasskeyCheck(user, AuthenticationLevel.AfterPasskeySecondFactor(hardwareBound: !result.Passkey.IsBackupEligible), null);
    }

    /// <summary>
    /// A passkey on its own. Every refusal gives the same words, whether the passkey is unknown, belongs to nobody,
    /// skipped user verification or its account is locked: the answer must not tell which accounts exist.
    /// </summary>
    public async Task<PasskeyCheck> VerifyPasswordlessAsync(string credentialJson)
    {
        var ticket = ceremonies.Take(PasskeyCeremonyPurpose.Passwordless, null);
        if (ticket is null)
        {
            return PasskeyCheck.Refused(PasskeyMessages.Expired);
        }

        var answer = PasskeyAnswer.Parse(credentialJson);
        var result = await handlers.Passwordless.PerformAssertionAsync(new PasskeyAssertionContext
        {
            HttpContext = Http,
            CredentialJson = credentialJson,
            AssertionState = ticket.State,
        });
        if (!result.Succeeded)
        {
            // No person is proven, so nobody's lockout counter moves; the event names the account the passkey claimed
            // only when it exists, for the administrator reading the trail.
            var claimed = answer is null ? null : await users.FindByPasskeyIdAsync(answer.CredentialId);
            var stored = claimed is null || answer is null ? null : await users.GetPasskeyAsync(claimed, answer.CredentialId);
            await events.WriteAsync(SecurityEventKinds.PasskeyUsed, SecurityEventOutcomes.Failed, claimed,
                $"{PasswordlessDetail}: {Reason(result.Failure, answer, stored)}");
            return PasskeyCheck.Refused(PasskeyMessages.PasswordlessRefused);
        }

        var user = result.User;
        if (answer is not { UserVerified: true } || await users.IsLockedOutAsync(user) || !await signInManager.CanSignInAsync(user))
        {
            await events.WriteAsync(SecurityEventKinds.PasskeyUsed,
                await users.IsLockedOutAsync(user) ? SecurityEventOutcomes.LockedOut : SecurityEventOutcomes.Failed, user,
                $"{PasswordlessDetail}: {(answer is { UserVerified: true } ? "the account may not sign in" : "the passkey did not verify the person")}");
            return PasskeyCheck.Refused(PasskeyMessages.PasswordlessRefused);
        }

        if (!await credentials.ClaimUseAsync(user, result.Passkey.CredentialId, ticket.StartedAt))
        {
            await events.WriteAsync(SecurityEventKinds.PasskeyUsed, SecurityEventOutcomes.Replayed, user,
                $"{PasswordlessDetail}: the answer to this challenge was already used");
            return PasskeyCheck.Refused(PasskeyMessages.PasswordlessRefused);
        }

        await users.AddOrUpdatePasskeyAsync(user, result.Passkey);
        await events.WriteAsync(SecurityEventKinds.PasskeyUsed, SecurityEventOutcomes.Succeeded, user, $"{PasswordlessDetail}: {result.Passkey.Name}");
        return new PasskeyCheck(user, AuthenticationLevel.AfterPasswordlessPasskey(hardwareBound: !result.Passkey.IsBackupEligible), null);
    }

    private async Task<PasskeyCheck> FailAsync(ClinicUser user, string outcome, string reason)
    {
        metrics.SecondFactorRefused(SecondFactorMethods.Passkey, replayed: outcome == SecurityEventOutcomes.Replayed);
        await users.AccessFailedAsync(user);
        var lockedOut = await users.IsLockedOutAsync(user);
        await events.WriteAsync(SecurityEventKinds.PasskeyUsed, outcome, user, $"{SecondFactorDetail}: {reason}");
        if (lockedOut)
        {
            // The same event a wrong code writes when it locks the account, so the owner gets the same email.
            await events.WriteAsync(SecurityEventKinds.SecondFactor, SecurityEventOutcomes.LockedOut, user, "passkey");
            return PasskeyCheck.Refused(PasskeyMessages.LockedOut);
        }

        return PasskeyCheck.Refused(PasskeyMessages.NotAccepted);
    }

    /// <summary>
    /// Why an answer was refused, for the audit trail. WebAuthn §7.2 step 22: a counter that did not increase is a sign
    /// that the passkey was copied, so it is named as such.
    /// </summary>
    private static string Reason(PasskeyException? failure, PasskeyAnswer? answer, UserPasskeyInfo? stored)
    {
        if (answer is not null && stored is not null && (answer.SignCount != 0 || stored.SignCount != 0)
            && answer.SignCount <= stored.SignCount)
        {
            return $"signature counter did not increase ({answer.SignCount} after {stored.SignCount}): possibly a cloned passkey";
        }

        return PasskeyRegistration.Describe(failure);
    }

    private HttpContext Http => httpContextAccessor.HttpContext
        ?? throw new InvalidOperationException("A passkey is checked only during a request.");
}
