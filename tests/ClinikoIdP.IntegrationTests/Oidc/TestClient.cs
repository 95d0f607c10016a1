using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;

namespace ClinikoIdP.IntegrationTests.Oidc;

/// <summary>A registered clinic app as a relying party: builds authorization requests and calls the back-channel endpoints.</summary>
public sealed class TestClient(IdpFactory factory, string clientId, string? secret, string redirectUri, string postLogoutRedirectUri)
{
    public const string DefaultScope = "openid profile email offline_access";

    private readonly HttpClient backChannel = factory.NewBackChannel();

    public string ClientId { get; } = clientId;

    public string? Secret { get; set; } = secret;

    public string RedirectUri { get; } = redirectUri;

    public string PostLogoutRedirectUri { get; } = postLogoutRedirectUri;

    public HttpClient BackChannel => backChannel;

    public TokenValidator Tokens { get; } = new(factory.NewBackChannel(), factory.Clock);

    public AuthorizationRequest NewAuthorizationRequest(string scope = DefaultScope) => new(ClientId, RedirectUri, scope);

    public Task<TokenResponse> RedeemCodeAsync(
        string code, string? verifier, ClientAuthentication authentication = ClientAuthentication.ClientSecretBasic)
    {
        var fields = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = RedirectUri,
        };
        if (verifier is not null)
        {
            fields["code_verifier"] = verifier;
        }

        return TokenRequestAsync(fields, authentication);
    }

    public Task<TokenResponse> RefreshAsync(string refreshToken) =>
        TokenRequestAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public Task<TokenResponse> ClientCredentialsAsync(
        string scope, ClientAuthentication authentication = ClientAuthentication.ClientSecretBasic) =>
        TokenRequestAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = scope }, authentication);

    public async Task<TokenResponse> TokenRequestAsync(
        Dictionary<string, string> fields, ClientAuthentication authentication = ClientAuthentication.ClientSecretBasic) =>
        await TokenResponse.ReadAsync(await PostAsync("/connect/token", fields, authentication));

    /// <summary>RFC 7662 introspection, authenticated as this client.</summary>
    public async Task<JsonElement> IntrospectAsync(string token)
    {
        var response = await PostAsync("/connect/introspect", new() { ["token"] = token }, ClientAuthentication.ClientSecretBasic);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Introspection failed: {(int)response.StatusCode} {body}");
        using var document = JsonDocument.Parse(body);
        return document.RootElement.Clone();
    }

    /// <summary>RFC 7009 revocation, authenticated as this client.</summary>
    public Task<HttpResponseMessage> RevokeAsync(string token, string? tokenTypeHint = null)
    {
        var fields = new Dictionary<string, string> { ["token"] = token };
        if (tokenTypeHint is not null)
        {
            fields["token_type_hint"] = tokenTypeHint;
        }

        return PostAsync("/connect/revoke", fields, ClientAuthentication.ClientSecretBasic);
    }

    public async Task<HttpResponseMessage> PostAsync(string path, Dictionary<string, string> fields, ClientAuthentication authentication)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path);
        var form = new Dictionary<string, string>(fields);
        switch (authentication)
        {
            case ClientAuthentication.ClientSecretBasic:
                // RFC 6749 §2.3.1: both parts are form-encoded before Base64.
                var credentials = $"{Uri.EscapeDataString(ClientId)}:{Uri.EscapeDataString(Secret ?? "")}";
                request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
                break;
            case ClientAuthentication.ClientSecretPost:
                form["client_id"] = ClientId;
                form["client_secret"] = Secret ?? "";
                break;
            default:
                form["client_id"] = ClientId;
                break;
        }

        request.Content = new FormUrlEncodedContent(form);
        return await backChannel.SendAsync(request);
    }
}
