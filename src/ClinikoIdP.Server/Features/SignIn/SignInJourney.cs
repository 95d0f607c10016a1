using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Session;

namespace ClinikoIdP.Server.Features.SignIn;

/// <summary>
/// Decides where a sign-in goes after each step. The password is the first step; the session cookie is issued
/// only when every step the policy asks for has passed.
/// </summary>
public sealed class SignInJourney(SessionIssuer sessions, TimeProvider time)
{
    public const string PasswordMethod = "pwd";

    /// <summary>Returns the local URL to send the browser to once the password has been accepted.</summary>
    public async Task<string> AfterPasswordAsync(ClinicUser user, string? returnUrl)
    {
        await sessions.StartSessionAsync(user, [PasswordMethod], time.GetUtcNow());
        return LocalUrl.OrHome(returnUrl);
    }
}
