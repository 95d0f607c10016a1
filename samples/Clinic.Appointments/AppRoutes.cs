namespace Clinic.Appointments;

/// <summary>The app's own paths, shared with the tests and with the client registration in the README.</summary>
public static class AppRoutes
{
    public const string Home = "/";
    public const string SignedOut = "/signed-out";
    public const string Error = "/error";
    public const string BackChannelLogout = "/backchannel-logout";

    /// <summary>Where the IdP sends the authorization code (register it as the client's redirect URI).</summary>
    public const string SignInCallback = "/signin-oidc";

    /// <summary>Where the IdP returns after sign-out (register it as the post-logout redirect URI).</summary>
    public const string SignOutCallback = "/signout-callback-oidc";
}
