using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.Options;

namespace Clinic.Appointments.Tokens;

/// <summary>
/// Keeps the access token saved in the sign-in cookie usable: when it has expired (or is about to), it is exchanged
/// at the IdP's token endpoint for a new one with the refresh token (RFC 6749 §6). ClinikoIdP rotates refresh tokens
/// on every use, so the new refresh token replaces the old one.
/// </summary>
public sealed class TokenRefresher(HttpClient http, IOptionsMonitor<OpenIdConnectOptions> oidcOptions, TimeProvider time)
{
    /// <summary>Refresh this long before expiry, so a token does not expire on its way to the API.</summary>
    public static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(1);

    /// <summary>Refreshes the tokens in <paramref name="properties"/> when needed; the caller re-issues the cookie after Refreshed.</summary>
    public async Task<TokenRefreshOutcome> RefreshIfExpiringAsync(AuthenticationProperties properties, CancellationToken cancellationToken)
    {
        var expiresAt = properties.GetTokenValue("expires_at");
        if (properties.GetTokenValue("access_token") is not null
            && DateTimeOffset.TryParse(expiresAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expiry)
            && expiry - RefreshMargin > time.GetUtcNow())
        {
            return TokenRefreshOutcome.StillValid;
        }

        if (properties.GetTokenValue("refresh_token") is not { Length: > 0 } refreshToken)
        {
            return TokenRefreshOutcome.Failed;
        }

        var options = oidcOptions.Get(OpenIdConnectDefaults.AuthenticationScheme);
        var configuration = await options.ConfigurationManager!.GetConfigurationAsync(cancellationToken);
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token",
                ["refresh_token"] = refreshToken,
                ["client_id"] = options.ClientId!,
                ["client_secret"] = options.ClientSecret!,
            }),
        };

        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // invalid_grant: the refresh token was revoked (sign-out, lock, reset) or has expired. Sign in again.
            return TokenRefreshOutcome.Failed;
        }

        var tokens = await response.Content.ReadFromJsonAsync<TokenResponse>(cancellationToken);
        if (tokens?.AccessToken is not { Length: > 0 })
        {
            return TokenRefreshOutcome.Failed;
        }

        // Replace only what came back: the id token stays (it serves as id_token_hint at sign-out) and a refresh
        // token is kept when the IdP did not rotate it (RFC 6749 §6 allows either).
        var updated = properties.GetTokens().ToDictionary(token => token.Name, token => token.Value, StringComparer.Ordinal);
        updated["access_token"] = tokens.AccessToken;
        updated["expires_at"] = time.GetUtcNow().AddSeconds(tokens.ExpiresIn ?? 0).ToString("o", CultureInfo.InvariantCulture);
        if (tokens.RefreshToken is { Length: > 0 } rotated)
        {
            updated["refresh_token"] = rotated;
        }

        properties.StoreTokens(updated.Select(pair => new AuthenticationToken { Name = pair.Key, Value = pair.Value }));
        return TokenRefreshOutcome.Refreshed;
    }

    private sealed record TokenResponse(
        [property: JsonPropertyName("access_token")] string? AccessToken,
        [property: JsonPropertyName("expires_in")] int? ExpiresIn,
        [property: JsonPropertyName("refresh_token")] string? RefreshToken);
}
