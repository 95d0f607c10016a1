using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Connect;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// The conformance suite's static confidential client (client_secret_basic) as a relying party: it runs the code flow
/// and checks every response the way the suite's modules do. Unlike the suite, it sends S256 PKCE on every request,
/// because ClinikoIdP requires PKCE of every interactive client (RFC 9700 §2.1.1).
/// </summary>
public sealed class SuiteClient(IdpFactory factory, TestClient client, TimeProvider clock)
{
    /// <summary>The suite's default scope for the basic plan.</summary>
    public const string OpenIdScope = "openid";

    private readonly TokenValidator validator = new(factory.NewBackChannel(), clock);

    public SuiteClient(IdpFactory factory, TestClient client)
        : this(factory, client, factory.Clock)
    {
    }

    public TestClient Client => client;

    /// <summary>The registered redirect URI without its query (a response adds its parameters to that query).</summary>
    private string RegisteredPath => new Uri(client.RedirectUri).GetLeftPart(UriPartial.Path);

    public TokenValidator Validator => validator;

    public AuthorizationRequest NewRequest(string scope = OpenIdScope) => client.NewAuthorizationRequest(scope);

    /// <summary>Signs in on the sign-in page, then checks the authorization response and the tokens.</summary>
    public async Task<CodeFlowResult> SignInAsync(
        Browser browser, AuthorizationRequest request, TestUser user, ClientAuthentication authentication = ClientAuthentication.ClientSecretBasic) =>
        await RedeemAsync(request, await Journeys.SignInAsync(browser, request, user), authentication);

    /// <summary>Opens the authorization URL with a session that must suffice (no page), then checks as above.</summary>
    public async Task<CodeFlowResult> AuthorizeSilentlyAsync(Browser browser, AuthorizationRequest request) =>
        await RedeemAsync(request, await Journeys.AuthorizeAsync(browser, request));

    /// <summary>Checks a successful authorization response, redeems its code and checks the token response.</summary>
    public async Task<CodeFlowResult> RedeemAsync(
        AuthorizationRequest request, AuthorizationResponse response, ClientAuthentication authentication = ClientAuthentication.ClientSecretBasic)
    {
        AssertSuccessfulAuthorizationResponse(request, response);
        var tokens = (await client.RedeemCodeAsync(response.Code!, request.Pkce.Verifier, authentication)).EnsureSuccess();
        Assert.Equal("Bearer", tokens.Json.GetProperty("token_type").GetString(), ignoreCase: true);
        return new CodeFlowResult(request, response, tokens, await ValidateIdTokenAsync(tokens, request.Nonce));
    }

    /// <summary>An error redirect to the registered URI (OIDC Core §3.1.2.6), with state and iss, and no code.</summary>
    public void AssertErrorResponse(AuthorizationRequest request, AuthorizationResponse response, string error)
    {
        Assert.Equal(RegisteredPath, response.RedirectedTo);
        Assert.Equal(error, response.Error);
        Assert.Equal(request.State, response.State);
        Assert.Equal(TokenValidator.Issuer, response.Issuer);
        Assert.Null(response.Code);
    }

    /// <summary>
    /// A refused authorization request: an error redirect to the registered URI (with state and iss) or, where the
    /// server cannot trust the request enough to redirect, the error page; either way one of <paramref name="errors"/>.
    /// </summary>
    public async Task AssertRefusedAsync(AuthorizationRequest request, HttpResponseMessage response, params string[] errors)
    {
        if (Browser.IsRedirect(response))
        {
            var redirect = AuthorizationResponse.FromRedirect(response);
            AssertErrorResponse(request, redirect, redirect.Error ?? "");
            Assert.Contains(redirect.Error, errors);
            return;
        }

        var page = await ErrorPage.ReadAsync(response);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(page.ProtocolError, errors);
    }

    /// <summary>
    /// What the suite checks on every id token (OIDC Core §3.1.3.7): RS256 signature by a JWKS key, iss, aud (only this
    /// client), exp, iat, nonce as sent, and at_hash when present (§3.1.3.8: the left half of SHA-256 of the access token).
    /// A <paramref name="refreshed"/> id token may leave the nonce out (§12.2); if it has one, it is the original.
    /// </summary>
    public async Task<JsonWebToken> ValidateIdTokenAsync(TokenResponse tokens, string? expectedNonce, bool refreshed = false)
    {
        Assert.False(string.IsNullOrEmpty(tokens.IdToken), $"No id token: {tokens.Json}");
        if (refreshed && !new JsonWebToken(tokens.IdToken).TryGetPayloadValue<string>("nonce", out _))
        {
            expectedNonce = null;
        }

        var idToken = await validator.ValidateIdTokenAsync(tokens.IdToken, client.ClientId, expectedNonce);
        Assert.Equal([client.ClientId], idToken.Audiences);
        Assert.False(string.IsNullOrEmpty(idToken.Subject));

        var now = clock.GetUtcNow().ToUnixTimeSeconds();
        var issuedAt = idToken.GetPayloadValue<long>("iat");
        Assert.InRange(issuedAt, now - 60, now + 1);
        Assert.True(idToken.GetPayloadValue<long>("exp") > issuedAt, "exp must come after iat.");
        if (idToken.TryGetPayloadValue<string>("at_hash", out var accessTokenHash))
        {
            Assert.Equal(LeftHalfHash(tokens.AccessToken!), accessTokenHash);
        }

        Assert.False(idToken.TryGetPayloadValue<string>("c_hash", out _), "A code-flow id token from the token endpoint needs no c_hash.");
        return idToken;
    }

    /// <summary>Calls UserInfo and checks the answer is JSON for the id token's subject (OIDC Core §5.3.2).</summary>
    public async Task<JsonElement> UserInfoAsync(HttpRequestMessage request, JsonWebToken idToken)
    {
        using var backChannel = factory.NewBackChannel();
        var response = await backChannel.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"UserInfo failed: {(int)response.StatusCode} {body}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var document = JsonDocument.Parse(body);
        var claims = document.RootElement.Clone();
        Assert.Equal(idToken.Subject, claims.GetProperty("sub").GetString());
        return claims;
    }

    /// <summary>A UserInfo request carrying the access token as a bearer header.</summary>
    public static HttpRequestMessage BearerRequest(HttpMethod method, string accessToken)
    {
        var request = new HttpRequestMessage(method, "/" + ConnectRoutes.UserInfo);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return request;
    }

    private void AssertSuccessfulAuthorizationResponse(AuthorizationRequest request, AuthorizationResponse response)
    {
        Assert.Equal(RegisteredPath, response.RedirectedTo);
        Assert.Null(response.Error);
        Assert.False(string.IsNullOrEmpty(response.Code), $"No code: {response.Location}");
        Assert.Equal(request.State, response.State);

        // RFC 9207: the authorization response names its issuer.
        Assert.Equal(TokenValidator.Issuer, response.Issuer);
    }

    private static string LeftHalfHash(string value)
    {
        var hash = SHA256.HashData(Encoding.ASCII.GetBytes(value));
        return Base64UrlEncoder.Encode(hash[..(hash.Length / 2)]);
    }
}
