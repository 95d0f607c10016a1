using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.SingleLogout;

/// <summary>Creates logout tokens (OpenID Connect Back-Channel Logout 1.0 §2.4), signed with the active signing key.</summary>
public sealed class LogoutTokenFactory(IOptionsMonitor<OpenIddictServerOptions> options, TimeProvider time)
{
    public const string BackChannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";
    public const string TokenType = "logout+jwt";

    public string Create(string issuer, string clientId, string subject, string? sessionId)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var claims = new Dictionary<string, object>
        {
            [Claims.JwtId] = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16)),
            [Claims.Subject] = subject,
            ["events"] = new Dictionary<string, object> { [BackChannelLogoutEvent] = new Dictionary<string, object>() },
        };
        if (sessionId is not null)
        {
            claims["sid"] = sessionId;
        }

        // §2.4: a logout token never carries a nonce, so it cannot be mistaken for an id token.
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = clientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            Claims = claims,
            TokenType = TokenType,
            SigningCredentials = options.CurrentValue.SigningCredentials.First(
                credentials => credentials.Algorithm == SecurityAlgorithms.RsaSha256),
        });
    }
}
