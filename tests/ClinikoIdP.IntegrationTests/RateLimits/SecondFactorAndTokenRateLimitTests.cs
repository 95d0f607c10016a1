using System.Net;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.RateLimits;

public sealed class SecondFactorAndTokenRateLimitTests(RateLimitIdpFactory factory) : IClassFixture<RateLimitIdpFactory>
{
    [Fact]
    public async Task RefusesSecondFactorCodesOverTheAccountsLimitEvenFromANewAddress()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        using var first = await PendingSignInAsync(enrolled.User, "192.0.2.60");
        var form = await first.ReadFormAsync(SecondFactorPage.Path, "Input.Code");
        // The enrolment's confirming code was the account's first second-factor attempt of this window.
        for (var attempt = 1; attempt < RateLimitIdpFactory.SecondFactorPerAccount; attempt++)
        {
            Assert.Equal(HttpStatusCode.OK, (await first.PostAsync(form.Set("Input.Code", enrolled.App.WrongCode()))).StatusCode);
        }

        await SignInRateLimitTests.AssertTooManyAsync(await first.PostAsync(form.Set("Input.Code", enrolled.App.Code())), "for this account");

        using var second = await PendingSignInAsync(enrolled.User, "192.0.2.61");
        var elsewhere = await second.ReadFormAsync(SecondFactorPage.Path, "Input.Code");
        Assert.Equal(HttpStatusCode.TooManyRequests, (await second.PostAsync(elsewhere.Set("Input.Code", enrolled.App.Code()))).StatusCode);
    }

    [Fact]
    public async Task TokenEndpointAnswersAnOAuthErrorWhenAClientIsOverItsLimit()
    {
        var busy = await Seed.MachineClientAsync(factory);
        for (var attempt = 0; attempt < RateLimitIdpFactory.TokenPerClient; attempt++)
        {
            (await busy.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
        }

        var refused = await busy.PostAsync("/connect/token",
            new() { ["grant_type"] = "client_credentials", ["scope"] = Seed.ApiScope }, ClientAuthentication.ClientSecretPost);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter?.Delta);
        Assert.Equal("application/json", refused.Content.Headers.ContentType?.MediaType);
        using var body = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("temporarily_unavailable", body.RootElement.GetProperty("error").GetString());
        Assert.Contains("for this client", body.RootElement.GetProperty("error_description").GetString(), StringComparison.Ordinal);

        var other = await Seed.MachineClientAsync(factory);
        (await other.ClientCredentialsAsync(Seed.ApiScope)).EnsureSuccess();
    }

    private async Task<AddressedClient> PendingSignInAsync(TestUser user, string address)
    {
        var client = new AddressedClient(factory, address);
        var password = await client.SignInAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.SeeOther, password.StatusCode);
        Assert.StartsWith(SecondFactorPage.Path, password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        return client;
    }
}
