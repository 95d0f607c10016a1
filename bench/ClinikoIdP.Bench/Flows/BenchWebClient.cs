using System.Text.Json;

namespace ClinikoIdP.Bench.Flows;

/// <summary>
/// The confidential clinic app the flows sign in to (authorization code with PKCE, offline_access), and its two token
/// requests: redeeming a code and redeeming a refresh token. <paramref name="Prompt"/> goes into every authorization
/// request when set (oidc-provider issues refresh tokens only with prompt=consent, OpenID Connect Core §11).
/// </summary>
public sealed record BenchWebClient(
    string ClientId, string Secret, string RedirectUri, string Scope, Uri AuthorizeEndpoint, Uri TokenEndpoint, string? Prompt = null)
{
    /// <summary>RFC 6749 §4.1.3 with the RFC 7636 verifier; returns the tokens, or throws unless 200.</summary>
    public Task<TokenResponse> RedeemCodeAsync(HttpClient http, string code, string verifier) =>
        RequestAsync(http, new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = verifier,
            ["redirect_uri"] = RedirectUri,
        });

    /// <summary>RFC 6749 §6; with rotation the answer carries the refresh token to use next.</summary>
    public Task<TokenResponse> RefreshAsync(HttpClient http, string refreshToken) =>
        RequestAsync(http, new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    private async Task<TokenResponse> RequestAsync(HttpClient http, Dictionary<string, string> grant)
    {
        grant["client_id"] = ClientId;
        grant["client_secret"] = Secret;
        using var content = new FormUrlEncodedContent(grant);
        using var response = await http.PostAsync(TokenEndpoint, content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new FlowFailedException($"the token endpoint answered {(int)response.StatusCode} to a {grant["grant_type"]} request: {body[..Math.Min(300, body.Length)]}");
        }

        using var json = JsonDocument.Parse(body);
        var root = json.RootElement;
        return new TokenResponse(
            root.TryGetProperty("access_token", out var access) ? access.GetString() : null,
            root.TryGetProperty("refresh_token", out var refresh) ? refresh.GetString() : null);
    }
}

/// <summary>What the benchmark needs from a token response.</summary>
public sealed record TokenResponse(string? AccessToken, string? RefreshToken);
