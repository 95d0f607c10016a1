using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.Server.Features.AccountNotifications;

namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>Turns a session's stored facts into words an administrator recognises ("Firefox on Windows").</summary>
public static class SessionDescriptions
{
    public static string Browser(string? userAgent)
    {
        if (string.IsNullOrWhiteSpace(userAgent))
        {
            return "Unknown browser";
        }

        var browser = UserAgentDescription.BrowserOf(userAgent) ?? "Other browser";
        return UserAgentDescription.SystemOf(userAgent) is { } system ? $"{browser} on {system}" : browser;
    }

    /// <summary>How the session signed in, from its RFC 8176 <c>amr</c> values.</summary>
    public static string Methods(string? methods)
    {
        var values = (methods ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return values switch
        {
            _ when values.Any(Amr.IsPasskey) => values.Contains(Amr.Password) ? "Password + passkey" : "Passkey",
            _ when values.Contains(Amr.OneTimePassword) => "Password + authenticator app",
            _ when values.Contains(Amr.RecoveryCode) => "Password + backup code",
            _ when values.Contains(Amr.MultipleFactor) => "Password + second factor",
            _ when values.Contains(Amr.RememberedComputer) => "Password on a remembered computer",
            _ when values.Contains(Amr.Password) => "Password only",
            _ => "Unknown",
        };
    }
}
