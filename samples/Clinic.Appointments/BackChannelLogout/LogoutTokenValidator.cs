using System.Text.Json;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Clinic.Appointments.BackChannelLogout;

/// <summary>
/// Validates a logout token as OpenID Connect Back-Channel Logout 1.0 §2.6 requires, with the issuer, client id and
/// signing keys the OpenID Connect handler already read from the IdP's discovery document and JWKS.
/// </summary>
public sealed class LogoutTokenValidator(
    IOptionsMonitor<OpenIdConnectOptions> oidcOptions, LogoutTokenReplayCache replayCache, TimeProvider time)
{
    public const string BackChannelLogoutEvent = "http://schemas.openid.net/event/backchannel-logout";

    /// <summary>How old a logout token may be (its iat); the IdP sends it within seconds, retries included.</summary>
    public static readonly TimeSpan MaximumAge = TimeSpan.FromMinutes(10);

    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(1);

    // §2.4 recommends explicit typing ("logout+jwt"); other IdPs send "JWT" or nothing. Any other type (an id token
    // or an "at+jwt" access token) is a different kind of token and refused.
    private static readonly string[] AcceptedTypes = ["logout+jwt", "application/logout+jwt", "JWT"];

    private readonly JsonWebTokenHandler handler = new() { MapInboundClaims = false };

    public async Task<LogoutTokenResult> ValidateAsync(string logoutToken, CancellationToken cancellationToken)
    {
        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configurationManager = options.ConfigurationManager
            ?? throw new InvalidOperationException("The OpenID Connect handler has no configuration manager.");

        var configuration = await configurationManager.GetConfigurationAsync(cancellationToken);
        var result = await handler.ValidateTokenAsync(logoutToken, Parameters(configuration.Issuer, options.ClientId!, configuration.SigningKeys));
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            // An unknown kid: the IdP may have rotated its keys since the JWKS was read. Read it again, once.
            configurationManager.RequestRefresh();
            configuration = await configurationManager.GetConfigurationAsync(cancellationToken);
            result = await handler.ValidateTokenAsync(logoutToken, Parameters(configuration.Issuer, options.ClientId!, configuration.SigningKeys));
        }

        if (!result.IsValid || result.SecurityToken is not JsonWebToken token)
        {
            return LogoutTokenResult.Invalid($"signature, issuer, audience or lifetime: {result.Exception?.GetType().Name}");
        }

        return CheckLogoutClaims(token, configuration.Issuer);
    }

    private LogoutTokenResult CheckLogoutClaims(JsonWebToken token, string issuer)
    {
        if (!string.IsNullOrEmpty(token.Typ) && !AcceptedTypes.Contains(token.Typ, StringComparer.OrdinalIgnoreCase))
        {
            return LogoutTokenResult.Invalid("typ");
        }

        using var payload = JsonDocument.Parse(Base64UrlEncoder.Decode(token.EncodedPayload));
        var claims = payload.RootElement;

        // §2.6 step 4: iat present and recent.
        var now = time.GetUtcNow();
        if (!claims.TryGetProperty("iat", out var iat) || !iat.TryGetInt64(out var issuedAtSeconds))
        {
            return LogoutTokenResult.Invalid("iat missing");
        }

        var issuedAt = DateTimeOffset.FromUnixTimeSeconds(issuedAtSeconds);
        if (issuedAt > now + ClockSkew || issuedAt < now - MaximumAge)
        {
            return LogoutTokenResult.Invalid("iat not recent");
        }

        // §2.4: events holds the back-channel logout member, whose value is a JSON object.
        if (!claims.TryGetProperty("events", out var events) || events.ValueKind != JsonValueKind.Object
            || !events.TryGetProperty(BackChannelLogoutEvent, out var logoutEvent) || logoutEvent.ValueKind != JsonValueKind.Object)
        {
            return LogoutTokenResult.Invalid("events");
        }

        // §2.4: a sid, a sub, or both.
        var sessionId = ReadString(claims, "sid");
        var subject = ReadString(claims, "sub");
        if (sessionId is null && subject is null)
        {
            return LogoutTokenResult.Invalid("neither sid nor sub");
        }

        // §2.4: a nonce is prohibited, so an id token can never pass for a logout token.
        if (claims.TryGetProperty("nonce", out _))
        {
            return LogoutTokenResult.Invalid("nonce present");
        }

        // §2.6 step 8: jti not seen before (kept until the token could no longer pass the iat check anyway).
        var jti = ReadString(claims, "jti");
        if (jti is null || !replayCache.TryAdd(issuer, jti, issuedAt + MaximumAge + ClockSkew))
        {
            return LogoutTokenResult.Invalid("jti missing or replayed");
        }

        return LogoutTokenResult.Valid(sessionId, subject, issuedAt);
    }

    private static string? ReadString(JsonElement claims, string name) =>
        claims.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : null;

    private TokenValidationParameters Parameters(string issuer, string clientId, IEnumerable<SecurityKey> keys) => new()
    {
        ValidIssuer = issuer,
        ValidAudience = clientId,
        IssuerSigningKeys = keys,
        ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256],
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ValidateLifetime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = (notBefore, expires, _, _) =>
            expires is { } end && end + ClockSkew > time.GetUtcNow().UtcDateTime
            && (notBefore is not { } start || start - ClockSkew <= time.GetUtcNow().UtcDateTime),

        // typ is checked in CheckLogoutClaims, where a missing one is allowed.
        TypeValidator = (type, _, _) => type,
    };
}
