using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.Negative;

/// <summary>
/// Bad authorization requests (RFC 6749 §4.1.2.1, RFC 9700): without a trustworthy client and redirect URI the
/// user sees an error page and is never redirected; other mistakes are refused plainly, never with a 500.
/// </summary>
public class AuthorizationRequestValidationTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private async Task<HttpResponseMessage> SendAsync(Func<AuthorizationRequest, AuthorizationRequest> change)
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        return await browser.GetAsync(change(client.NewAuthorizationRequest()).Url);
    }

    [Fact]
    public async Task UnknownClientGetsAnErrorPageNotARedirect()
    {
        var response = await SendAsync(r => r.With("client_id", "no-such-clinic-app"));

        var page = await ErrorPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Equal("invalid_request", page.ProtocolError);
    }

    [Theory]
    [InlineData("?next=elsewhere")]
    [InlineData("/other")]
    [InlineData("#fragment")]
    [InlineData("/")]
    public async Task RedirectUriDifferingFromTheRegisteredOneGetsAnErrorPage(string suffix)
    {
        var client = await factory.StandardClientAsync();

        var response = await SendAsync(r => r.With("redirect_uri", client.RedirectUri + suffix));

        var page = await ErrorPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
    }

    [Fact]
    public async Task MissingCodeChallengeIsRefused()
    {
        var response = await SendAsync(r => r.Without("code_challenge").Without("code_challenge_method"));

        await AssertRefusedAsync(response, "invalid_request");
    }

    [Fact]
    public async Task PlainCodeChallengeMethodIsRefused()
    {
        var response = await SendAsync(r => r.With("code_challenge", Pkce.Create().Verifier).With("code_challenge_method", "plain"));

        await AssertRefusedAsync(response, "invalid_request");
    }

    [Theory]
    [InlineData("token")]
    [InlineData("id_token")]
    [InlineData("code id_token")]
    [InlineData("code token")]
    public async Task ImplicitAndHybridResponseTypesAreRefused(string responseType)
    {
        var response = await SendAsync(r => r.With("response_type", responseType));

        await AssertRefusedAsync(response, "unsupported_response_type");
    }

    /// <summary>An error page, or an error redirect to the registered URI; never a code and never a 500.</summary>
    private async Task AssertRefusedAsync(HttpResponseMessage response, params string[] acceptedErrors)
    {
        if (Browser.IsRedirect(response))
        {
            var redirect = AuthorizationResponse.FromRedirect(response);
            Assert.Equal((await factory.StandardClientAsync()).RedirectUri, redirect.RedirectedTo);
            Assert.Contains(redirect.Error, acceptedErrors);
            Assert.Null(redirect.Code);
            return;
        }

        var page = await ErrorPage.ReadAsync(response);
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Contains(page.ProtocolError, acceptedErrors);
    }
}
