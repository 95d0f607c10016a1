namespace ClinikoIdP.Server.Features.SignIn;

/// <summary>Routes of the sign-in journey, shared with the tests.</summary>
public static class SignInRoutes
{
    public const string SignIn = "/signin";
    public const string SignOut = "/signout";
    public const string SignedOut = "/signed-out";
    public const string Error = "/error";
    public const string Home = "/";
}
