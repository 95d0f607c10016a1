using System.Security.Cryptography;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.Samples.Tests.Infrastructure;

/// <summary>A stand-in for ClinikoIdP: an issuer URL and an RSA key that signs the tokens the tests send.</summary>
public sealed class TestIssuer
{
    public const string Issuer = "https://idp.test/";
    public const string LogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    public static TestIssuer Instance { get; } = new();

    public RsaSecurityKey SigningKey { get; } = NewKey("idp-key-1");

    /// <summary>A key the IdP never published: tokens signed with it must be refused.</summary>
    public RsaSecurityKey ForeignKey { get; } = NewKey("attacker-key");

    /// <summary>A key the IdP never published, claiming the IdP's key id.</summary>
    public RsaSecurityKey ForgedKey { get; } = NewKey("idp-key-1");

    public static Uri AuthorizationEndpoint => new(Issuer + "connect/authorize");

    public static Uri TokenEndpoint => new(Issuer + "connect/token");

    public static Uri EndSessionEndpoint => new(Issuer + "connect/endsession");

    /// <summary>The claims ClinikoIdP puts in a logout token (Back-Channel Logout §2.4).</summary>
    public static Dictionary<string, object> LogoutClaims(string audience, string? sid, string? sub)
    {
        var now = DateTimeOffset.UtcNow;
        var claims = new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["iat"] = now.ToUnixTimeSeconds(),
            ["exp"] = now.AddMinutes(2).ToUnixTimeSeconds(),
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["events"] = new Dictionary<string, object> { [LogoutEvent] = new Dictionary<string, object>() },
        };
        if (sid is not null)
        {
            claims["sid"] = sid;
        }

        if (sub is not null)
        {
            claims["sub"] = sub;
        }

        return claims;
    }

    public string Sign(IDictionary<string, object> claims, string type, SecurityKey? key = null) =>
        new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Claims = claims,
            TokenType = type,
            SigningCredentials = new SigningCredentials(key ?? SigningKey, SecurityAlgorithms.RsaSha256),
        });

    /// <summary>An RFC 9068 access token for the patient-records API.</summary>
    public string AccessToken(string audience = "patient-records-api", string scope = "openid patients.read",
        TimeSpan? lifetime = null, SecurityKey? key = null)
    {
        var now = DateTimeOffset.UtcNow;
        var expires = now + (lifetime ?? TimeSpan.FromMinutes(15));
        return Sign(new Dictionary<string, object>
        {
            ["iss"] = Issuer,
            ["aud"] = audience,
            ["sub"] = "user-1",
            ["client_id"] = "clinic-appointments",
            ["scope"] = scope,
            ["jti"] = Guid.NewGuid().ToString("N"),
            ["iat"] = Math.Min(now.ToUnixTimeSeconds(), expires.AddMinutes(-15).ToUnixTimeSeconds()),
            ["nbf"] = Math.Min(now.ToUnixTimeSeconds(), expires.AddMinutes(-15).ToUnixTimeSeconds()),
            ["exp"] = expires.ToUnixTimeSeconds(),
        }, "at+jwt", key);
    }

    private static RsaSecurityKey NewKey(string keyId) => new(RSA.Create(2048)) { KeyId = keyId };
}
