using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.IntegrationTests.Conformance;

/// <summary>
/// oidcc-basic-certification-test-plan, the flow itself: the code flow, its id token, client authentication,
/// refresh tokens and PKCE. The other modules of the plan are in the BasicOp*Plan classes beside this one.
/// </summary>
public class BasicOpPlan(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<(SuiteClient Suite, TestUser User)> ArrangeAsync() =>
        (new SuiteClient(factory, await factory.StandardClientAsync()), await factory.StandardUserAsync());

    [Fact]
    public async Task OidccServer()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();

        var flow = await suite.SignInAsync(browser, suite.NewRequest(), user);

        Assert.Equal(flow.Request.Nonce, flow.IdToken.GetPayloadValue<string>("nonce"));
        Assert.False(string.IsNullOrEmpty(flow.Tokens.AccessToken));
    }

    [Fact]
    public async Task OidccResponseTypeMissing()
    {
        var (suite, _) = await ArrangeAsync();
        using var browser = factory.NewBrowser();
        var request = suite.NewRequest().Without("response_type");

        var response = await browser.GetAsync(request.Url);

        await suite.AssertRefusedAsync(request, response, "invalid_request", "unsupported_response_type");
    }

    [Fact]
    public async Task OidccIdtokenSignature()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();

        var flow = await suite.SignInAsync(browser, suite.NewRequest(), user);

        // OIDC Core §15.1: RS256 by default, signed with a key the JWKS publishes under the token's kid.
        Assert.Equal(SecurityAlgorithms.RsaSha256, flow.IdToken.Alg);
        var jwks = await suite.Validator.GetJwksAsync();
        Assert.Contains(jwks.Keys, key => key.Kid == flow.IdToken.Kid && key.Alg == SecurityAlgorithms.RsaSha256);
    }

    [Fact]
    public async Task OidccIdtokenUnsigned()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();

        var configuration = await DiscoveryDocument.ReadAsync(factory);
        var flow = await suite.SignInAsync(browser, suite.NewRequest(), user);

        // Only dynamically registered clients can ask for alg=none id tokens; ClinikoIdP neither offers it nor issues one.
        Assert.DoesNotContain("none", DiscoveryDocument.Strings(configuration, "id_token_signing_alg_values_supported"));
        Assert.NotEqual("none", flow.IdToken.Alg);
        Assert.False(string.IsNullOrEmpty(flow.IdToken.EncodedSignature));
    }

    [Fact]
    public async Task OidccEnsureRequestWithoutNonceSucceedsForCodeFlow()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();

        var flow = await suite.SignInAsync(browser, suite.NewRequest().Without("nonce"), user);

        Assert.False(flow.IdToken.TryGetPayloadValue<string>("nonce", out _));
    }

    [Fact]
    public async Task OidccEnsureRegisteredRedirectUri()
    {
        var (suite, _) = await ArrangeAsync();
        using var browser = factory.NewBrowser();
        var request = suite.NewRequest().With("redirect_uri", "https://evil.example/signin-oidc");

        var response = await browser.GetAsync(request.Url);

        // RFC 6749 §4.1.2.1: never redirect to an unregistered URI; tell the user instead.
        Assert.Equal(HttpStatusCode.BadRequest, (await ErrorPage.ReadAsync(response)).Status);
    }

    [Fact]
    public async Task OidccEnsurePostRequestSucceeds()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();
        var request = suite.NewRequest();

        var signIn = await SignInPage.ReadAsync(browser, await browser.FollowAsync(
            await browser.PostFormAsync(AuthorizationRequest.Path, request.Form)));
        var response = AuthorizationResponse.FromRedirect(
            await browser.FollowAsync(await signIn.SubmitAsync(user.Email, user.Password)));

        await suite.RedeemAsync(request, response);
    }

    [Fact]
    public async Task OidccServerClientSecretPost()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();

        var flow = await suite.SignInAsync(browser, suite.NewRequest(), user, ClientAuthentication.ClientSecretPost);

        Assert.False(string.IsNullOrEmpty(flow.Tokens.AccessToken));
    }

    [Fact]
    public async Task OidccRefreshToken()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();
        var first = await suite.SignInAsync(browser, suite.NewRequest("openid offline_access").With("prompt", "consent"), user);
        var otherClient = await Seed.ClientAsync(factory);

        var stolen = await otherClient.RefreshAsync(first.Tokens.RefreshToken!);
        var refreshed = (await suite.Client.RefreshAsync(first.Tokens.RefreshToken!)).EnsureSuccess();

        // RFC 6749 §6 / §10.4: bound to the client it was issued to. OIDC Core §12.2: the new id token keeps iss,
        // sub, aud and auth_time, and carries no nonce of its own.
        Assert.Equal("invalid_grant", stolen.Error);
        Assert.Null(stolen.AccessToken);
        var idToken = await suite.ValidateIdTokenAsync(refreshed, first.Request.Nonce, refreshed: true);
        Assert.Equal(first.IdToken.Subject, idToken.Subject);
        Assert.Equal(first.IdToken.GetPayloadValue<long>("auth_time"), idToken.GetPayloadValue<long>("auth_time"));
    }

    [Fact]
    public async Task OidccEnsureRequestWithValidPkceSucceeds()
    {
        var (suite, user) = await ArrangeAsync();
        using var browser = factory.NewBrowser();
        var request = suite.NewRequest();

        var flow = await suite.SignInAsync(browser, request, user);

        Assert.Equal("S256", flow.Request.Parameters["code_challenge_method"]);
        Assert.Equal(Pkce.ChallengeOf(request.Pkce.Verifier), flow.Request.Parameters["code_challenge"]);
    }
}
