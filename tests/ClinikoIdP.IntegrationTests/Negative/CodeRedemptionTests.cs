using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Negative;

/// <summary>oidcc-codereuse and RFC 9700 §4.4/§4.8: a code is redeemed once, by its client, with its PKCE verifier.</summary>
public class CodeRedemptionTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<(TestClient Client, AuthorizationRequest Request, string Code)> GetCodeAsync()
    {
        var (user, client) = (await factory.StandardUserAsync(), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var response = await Journeys.SignInAsync(browser, request, user);
        return (client, request, response.Code!);
    }

    [Fact]
    public async Task RejectsAWrongCodeVerifier()
    {
        var (client, _, code) = await GetCodeAsync();

        var response = await client.RedeemCodeAsync(code, Pkce.Create().Verifier);

        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task RejectsARedemptionWithoutTheCodeVerifier()
    {
        var (client, _, code) = await GetCodeAsync();

        var response = await client.RedeemCodeAsync(code, verifier: null);

        Assert.Equal("invalid_request", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task RejectsACodeOlderThanSixtySeconds()
    {
        var (client, request, code) = await GetCodeAsync();
        factory.Clock.Advance(TimeSpan.FromSeconds(61));

        var response = await client.RedeemCodeAsync(code, request.Pkce.Verifier);

        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task RejectsACodeRedeemedByAnotherClient()
    {
        var (_, request, code) = await GetCodeAsync();
        var thief = await Seed.ClientAsync(factory);

        var response = await thief.RedeemCodeAsync(code, request.Pkce.Verifier);

        Assert.Equal("invalid_grant", response.Error);
    }

    [Fact]
    public async Task WrongClientSecretIsAnInvalidClient()
    {
        var (client, request, code) = await GetCodeAsync();
        var impostor = new TestClient(factory, client.ClientId, "not-the-real-secret-at-all", client.RedirectUri, client.PostLogoutRedirectUri);

        var response = await impostor.RedeemCodeAsync(code, request.Pkce.Verifier);

        Assert.Equal(HttpStatusCode.Unauthorized, response.Status);
        Assert.Equal("invalid_client", response.Error);
    }

    [Fact]
    public async Task MissingClientSecretIsAnInvalidClient()
    {
        var (client, request, code) = await GetCodeAsync();

        var response = await client.RedeemCodeAsync(code, request.Pkce.Verifier, ClientAuthentication.None);

        Assert.Equal("invalid_client", response.Error);
        Assert.Null(response.AccessToken);
    }

    [Fact]
    public async Task RejectsARedirectUriDifferentFromTheAuthorizationRequest()
    {
        var (client, request, code) = await GetCodeAsync();

        var response = await client.TokenRequestAsync(new()
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["code_verifier"] = request.Pkce.Verifier,
            ["redirect_uri"] = client.RedirectUri + "/other",
        });

        Assert.Equal("invalid_grant", response.Error);
    }
}
