using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.TwoFactor;

/// <summary>
/// OIDC Core §3.1.2.1 under the default policy: prompt=none never shows a page (and a sign-in that has only passed the
/// password is no session); prompt=login, or a max_age the session is older than, asks for the password and the second
/// factor again.
/// </summary>
public class TwoFactorPromptTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    [Fact]
    public async Task PromptNoneWithoutASessionAnswersLoginRequired()
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest().With("prompt", "none");

        var response = await Journeys.AuthorizeAsync(browser, request);

        Assert.Equal(client.RedirectUri, response.RedirectedTo);
        Assert.Equal("login_required", response.Error);
        Assert.Equal(request.State, response.State);
        Assert.Null(response.Code);
    }

    [Fact]
    public async Task PromptNoneAfterOnlyThePasswordAnswersLoginRequired()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        await SecondFactorPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, client.NewAuthorizationRequest(), enrolled.User));
        var request = client.NewAuthorizationRequest().With("prompt", "none");

        var response = await Journeys.AuthorizeAsync(browser, request);

        Assert.Equal("login_required", response.Error);
        Assert.Null(response.Code);
    }

    [Theory]
    [InlineData("prompt", "login")]
    [InlineData("max_age", "10")]
    public async Task FreshSignInDemandAsksForThePasswordAndTheSecondFactorAgain(string parameter, string value)
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var first = client.NewAuthorizationRequest();
        var signedIn = await TwoFactorJourneys.SignInWithCodeAsync(browser, first, enrolled.User, enrolled.App.Code());
        var (_, firstIdToken) = await TwoFactorJourneys.RedeemAsync(client, first, AuthorizationResponse.FromRedirect(signedIn));
        factory.Clock.Advance(AuthenticatorApp.Step);
        var request = client.NewAuthorizationRequest().With(parameter, value);

        var signIn = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var password = await signIn.SubmitAsync(enrolled.User.Email, enrolled.User.Password);
        Assert.Equal(HttpStatusCode.SeeOther, password.StatusCode);
        var secondFactor = await SecondFactorPage.ReadAsync(browser, await browser.FollowAsync(password));
        var verified = await secondFactor.SubmitAsync(enrolled.App.Code());
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, AuthorizationResponse.FromRedirect(await browser.FollowAsync(verified)));

        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
        Assert.Equal(firstIdToken.Subject, idToken.Subject);
        Assert.True(idToken.GetPayloadValue<long>("auth_time") >= firstIdToken.GetPayloadValue<long>("auth_time") + 30,
            "auth_time did not move forward with the fresh sign-in.");
    }
}
