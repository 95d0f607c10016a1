namespace ClinikoIdP.Server.Features.Connect;

/// <summary>The OpenID Connect endpoints (relative to the issuer), shared with the tests.</summary>
public static class ConnectRoutes
{
    public const string Authorize = "connect/authorize";
    public const string Token = "connect/token";
    public const string UserInfo = "connect/userinfo";
    public const string EndSession = "connect/endsession";
    public const string Introspection = "connect/introspect";
    public const string Revocation = "connect/revoke";
    public const string Discovery = ".well-known/openid-configuration";
    public const string Jwks = ".well-known/jwks";

    private static readonly string[] MachineEndpoints = [Token, UserInfo, Introspection, Revocation, Discovery, Jwks];

    /// <summary>Endpoints called by programs rather than browsers.</summary>
    public static bool IsMachineEndpoint(PathString path) =>
        MachineEndpoints.Any(endpoint => path.Equals("/" + endpoint, StringComparison.OrdinalIgnoreCase));
}
