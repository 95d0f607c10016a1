using ClinikoIdP.Server.Features.Common;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.Server.Features.PasswordReset;

/// <summary>Routes of the password reset, shared with the tests.</summary>
public static class PasswordResetRoutes
{
    public const string ForgotPassword = "/forgot-password";
    public const string Sent = "/forgot-password/sent";
    public const string ResetPassword = "/reset-password";

    /// <summary>The "Forgot password?" link of the sign-in page: back to the same app afterwards, the typed email kept.</summary>
    public static string ForgotPasswordFrom(string? returnUrl, string? email)
    {
        var url = LocalUrl.WithReturnUrl(ForgotPassword, returnUrl);
        return string.IsNullOrWhiteSpace(email) || email.Length > ForgotPasswordInput.MaxEmailLength
            ? url
            : QueryHelpers.AddQueryString(url, "Email", email.Trim());
    }
}
