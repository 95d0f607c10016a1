using System.Security.Cryptography;
using System.Text;

namespace ClinikoIdP.Bench.Flows;

/// <summary>One authorization code request (OpenID Connect Core §3.1.2.1) with its own state, nonce and PKCE pair (RFC 7636, S256).</summary>
public sealed class AuthorizationRequest
{
    private readonly string redirectUri;

    private AuthorizationRequest(Uri url, string redirectUri, string state, string verifier)
    {
        Url = url;
        this.redirectUri = redirectUri;
        State = state;
        Verifier = verifier;
    }

    public Uri Url { get; }

    public string State { get; }

    public string Verifier { get; }

    public static AuthorizationRequest New(BenchWebClient client)
    {
        var state = RandomText();
        var verifier = RandomText();
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        var parameters = new Dictionary<string, string>
        {
            ["client_id"] = client.ClientId,
            ["redirect_uri"] = client.RedirectUri,
            ["response_type"] = "code",
            ["scope"] = client.Scope,
            ["state"] = state,
            ["nonce"] = RandomText(),
            ["code_challenge"] = challenge,
            ["code_challenge_method"] = "S256",
        };
        if (client.Prompt is { } prompt)
        {
            parameters["prompt"] = prompt;
        }

        var query = string.Join('&', parameters.Select(pair => $"{pair.Key}={Uri.EscapeDataString(pair.Value)}"));
        return new AuthorizationRequest(new Uri($"{client.AuthorizeEndpoint}?{query}"), client.RedirectUri, state, verifier);
    }

    /// <summary>The code from the redirect to the app, after checking it answers this request.</summary>
    public string CodeFrom(HttpResponseMessage response)
    {
        var location = BenchBrowser.LocationOf(response);
        if (location.GetLeftPart(UriPartial.Path) != redirectUri)
        {
            throw new FlowFailedException($"the flow ended at {location.GetLeftPart(UriPartial.Path)}, not at the app");
        }

        var parameters = location.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "", StringComparer.Ordinal);
        if (parameters.TryGetValue("error", out var error))
        {
            throw new FlowFailedException($"the app received error={error}");
        }

        return parameters.GetValueOrDefault("state") == State && parameters.GetValueOrDefault("code") is { Length: > 0 } code
            ? code
            : throw new FlowFailedException("the redirect to the app carried no code for this request");
    }

    private static string RandomText() => Base64Url(RandomNumberGenerator.GetBytes(32));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
