using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Operations.Telemetry;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.PasswordReset;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.Session;

namespace ClinikoIdP.Server.Features.SignIn;

/// <summary>
/// Decides where a sign-in goes after each step (ARCHITECTURE.md, "The sign-in journey"). The session cookie is
/// issued only when every step the policy asks for has passed; until then the user is only partly signed in.
/// </summary>
public sealed class SignInJourney(
    SessionIssuer sessions,
    PendingSignIn pending,
    MfaDemand demand,
    OrganisationSecurity security,
    PasswordResetCompletion passwordResets,
    PasskeyCredentials passkeys,
    RememberedComputerSignIn rememberedComputers,
    IdpMetrics metrics,
    TimeProvider time)
{
    public const string SecondFactorPath = "/two-factor";
    public const string EnrolPath = "/enrol";

    /// <summary>Returns the local URL to send the browser to once the password has been accepted.</summary>
    public async Task<string> AfterPasswordAsync(ClinicUser user, string? returnUrl, CancellationToken cancellationToken)
    {
        var mfa = await demand.ForReturnUrlAsync(returnUrl, cancellationToken);

        // After the password, never instead of it: a remembered computer can stand in for the second factor only.
        var remembered = await rememberedComputers.RecogniseAsync(user, cancellationToken);
        var step = await DecideAsync(user, remembered is null ? SessionState.PasswordOnly : SessionState.RememberedComputer, mfa, cancellationToken);
        var now = time.GetUtcNow();
        if (step == NextSignInStep.Satisfied)
        {
            if (remembered is not null)
            {
                await rememberedComputers.MarkUsedAsync(user, remembered, cancellationToken);
            }

            await sessions.StartSessionAsync(user, remembered is null ? AuthenticationLevel.AfterPassword : AuthenticationLevel.AfterRememberedComputer, now);
            return LocalUrl.OrHome(returnUrl);
        }

        metrics.SignIn(SignInOutcomes.SecondFactorRequired);
        await pending.BeginAsync(user, AuthenticationLevel.AfterPassword, now);
        return StepUrl(step, returnUrl);
    }

    /// <summary>The next step for an existing session meeting a request, or null when the session satisfies it.</summary>
    public async Task<string?> StepUpUrlAsync(
        ClinicUser user, IReadOnlyList<string> sessionMethods, MfaDemandResult mfa, string returnUrl, CancellationToken cancellationToken)
    {
        var step = await DecideAsync(user, AuthenticationLevel.StateFor(sessionMethods), mfa, cancellationToken);
        return step == NextSignInStep.Satisfied ? null : StepUrl(step, returnUrl);
    }

    /// <summary>
    /// Finishes a pending sign-in once its second factor has passed: a password reset waiting for that factor applies
    /// first, then the session starts. A reset that can no longer apply starts no session (its page explains).
    /// </summary>
    public async Task<string> CompleteAsync(PendingSignInState state, IEnumerable<string> methods, string? returnUrl)
    {
        if (state.PasswordResetLinkId is { } resetLinkId && !await passwordResets.ApplyWaitingAsync(state.User, resetLinkId))
        {
            await pending.EndAsync();
            return PasswordResetRoutes.ResetPassword;
        }

        await sessions.StartSessionAsync(state.User, state.Methods.Concat(methods), time.GetUtcNow(), state.SessionId);
        return LocalUrl.OrHome(returnUrl);
    }

    private async Task<NextSignInStep> DecideAsync(
        ClinicUser user, SessionState state, MfaDemandResult mfa, CancellationToken cancellationToken)
    {
        var enforcement = (await security.GetAsync(cancellationToken)).Enforcement;
        var hasPasskey = await passkeys.HasAnyAsync(user);

        // A session that passed a second factor before its user removed every one (allowed only while two-step
        // verification was optional) is no longer two-factor once the clinic requires it of everyone.
        if (enforcement == TwoFactorEnforcement.Always && state >= SessionState.SecondFactorPassed && !user.HasAuthenticator && !hasPasskey)
        {
            state = SessionState.PasswordOnly;
        }

        return SecondFactorPolicy.Decide(new SecondFactorContext
        {
            Enforcement = enforcement,
            Session = state,
            HasSecondFactor = user.HasAuthenticator || hasPasskey,
            HasPasskey = hasPasskey,
            ClientRequiresMfa = mfa.ClientRequiresMfa,
            RequestAsksForMfa = mfa.RequestAsksForMfa,
            ClientRequiresPhishingResistance = mfa.ClientRequiresPhishingResistance,
            RequestAsksForPhishingResistance = mfa.RequestAsksForPhishingResistance,
        });
    }

    private static string StepUrl(NextSignInStep step, string? returnUrl)
    {
        var path = step switch
        {
            NextSignInStep.Enrol => EnrolPath,
            NextSignInStep.Passkey or NextSignInStep.PasskeyEnrol => PasskeyRoutes.Step,
            _ => SecondFactorPath,
        };
        return LocalUrl.WithReturnUrl(path, returnUrl);
    }
}
