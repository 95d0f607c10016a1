using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.IntegrationTests.Oidc;

/// <summary>An authorization request as a clinic app would send it; every parameter can be changed or removed.</summary>
public sealed class AuthorizationRequest
{
    public const string Path = "/connect/authorize";

    public AuthorizationRequest(string clientId, string redirectUri, string scope)
    {
        Pkce = Pkce.Create();
        State = Guid.NewGuid().ToString("N");
        Parameters = new Dictionary<string, string?>
        {
            ["client_id"] = clientId,
            ["redirect_uri"] = redirectUri,
            ["response_type"] = "code",
            ["scope"] = scope,
            ["state"] = State,
            ["nonce"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = Pkce.Challenge,
            ["code_challenge_method"] = "S256",
        };
    }

    public Pkce Pkce { get; }

    public string State { get; }

    /// <summary>The nonce sent, or null once removed with <see cref="Without"/>.</summary>
    public string? Nonce => Parameters.GetValueOrDefault("nonce");

    public Dictionary<string, string?> Parameters { get; }

    public AuthorizationRequest With(string name, string value)
    {
        Parameters[name] = value;
        return this;
    }

    public AuthorizationRequest Without(string name)
    {
        Parameters.Remove(name);
        return this;
    }

    public string Url => QueryHelpers.AddQueryString(Path, Parameters);

    public IEnumerable<KeyValuePair<string, string>> Form =>
        Parameters.Where(p => p.Value is not null).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!));
}
