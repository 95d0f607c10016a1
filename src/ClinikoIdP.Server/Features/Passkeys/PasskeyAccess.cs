using System.Security.Claims;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Features.Session;
using ClinikoIdP.Server.Features.TwoFactor;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// Who may change a person's passkeys: only a session that passed a second factor recently. A password alone never
/// binds a new authenticator to an account or removes one (NIST SP 800-63B-4 §4.1: binding needs the existing
/// authenticators at AAL2).
/// </summary>
public sealed class PasskeyAccess(IOptions<TwoFactorOptions> options, TimeProvider time)
{
    public TimeSpan Window => options.Value.RecentVerificationWindow;

    public bool IsRecentlyVerified(ClaimsPrincipal session)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.GetAuthenticationMethods().Contains(Amr.MultipleFactor, StringComparer.Ordinal)
            && session.GetAuthenticationTime() is { } at
            && time.GetUtcNow() - at <= Window;
    }

    /// <summary>A sign-in under way may add a passkey only once it has passed a second factor.</summary>
    public static bool MayAddDuring(PendingSignInState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        return state.Methods.Contains(Amr.MultipleFactor, StringComparer.Ordinal);
    }
}
