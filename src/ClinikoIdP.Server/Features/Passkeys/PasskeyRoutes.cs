namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>Routes of the passkey pages and their script endpoints, shared with the tests.</summary>
public static class PasskeyRoutes
{
    /// <summary>The person's list of passkeys: add, rename, remove.</summary>
    public const string Manage = "/my-security/passkeys";

    /// <summary>A sign-in step that only a passkey satisfies (or that adds one first).</summary>
    public const string Step = "/passkey";

    /// <summary>Passwordless sign-in: the endpoints the sign-in page's "Sign in with a passkey" button calls.</summary>
    public const string SignIn = "/passkey/sign-in";

    public const string CreationOptionsHandler = "CreationOptions";
    public const string RegisterHandler = "Register";
    public const string RequestOptionsHandler = "RequestOptions";
    public const string VerifyHandler = "Verify";

    public static string Handler(string page, string handler, string? returnUrl = null)
    {
        var url = $"{page}?handler={handler}";
        return string.IsNullOrEmpty(returnUrl) ? url : $"{url}&ReturnUrl={Uri.EscapeDataString(returnUrl)}";
    }
}
