namespace Clinic.Billing;

/// <summary>The app's own paths, shared with the tests and with the client registration in the README.</summary>
public static class AppRoutes
{
    public const string Home = "/";
    public const string SignIn = "/signin";
    public const string SignedOut = "/signed-out";
    public const string Error = "/error";
    public const string BackChannelLogout = "/backchannel-logout";

    /// <summary>OpenIddict.Client's redirection endpoint (register it as the client's redirect URI).</summary>
    public const string SignInCallback = "callback/login/clinikoidp";

    /// <summary>OpenIddict.Client's post-logout redirection endpoint (register it as the post-logout redirect URI).</summary>
    public const string SignOutCallback = "callback/logout/clinikoidp";
}
