using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.TwoFactor;

/// <summary>
/// Issue 3, "Policy" under <c>TwoFactor:Enforcement=WhenRequested</c>: password-only sessions are allowed, and one that
/// meets a client registered with --require-mfa or a request with acr_values asking for MFA is stepped up (second
/// factor or enrolment) without the password being asked again; with prompt=none it answers interaction_required.
/// </summary>
public class StepUpTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    private readonly Lazy<Task<TestClient>> mfaClient = new(() => Seed.ClientAsync(factory, "--require-mfa"));

    /// <summary>A new user without an authenticator, signed in with the password alone to the standard client.</summary>
    private async Task<(TestUser User, string SessionId)> PasswordOnlySessionAsync(Browser browser)
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        var request = client.NewAuthorizationRequest();
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, await Journeys.SignInAsync(browser, request, user));
        Assert.Equal(["pwd"], TokenValidator.ArrayClaim(idToken, "amr"));
        Assert.Equal("urn:clinikoidp:acr:pwd", idToken.GetPayloadValue<string>("acr"));
        return (user, idToken.GetPayloadValue<string>("sid"));
    }

    /// <summary>Enrols through a request asking for MFA in a browser since closed; the clock then moves on a step.</summary>
    private async Task<AuthenticatorApp> EnrolInAnotherBrowserAsync(TestUser user)
    {
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var asking = client.NewAuthorizationRequest().With("acr_values", "urn:clinikoidp:acr:mfa");
        var enrolment = await EnrolmentPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, asking, user));
        var app = enrolment.Scan(factory.Clock);
        Assert.NotNull((await TwoFactorJourneys.ConfirmEnrolmentAsync(browser, enrolment, app)).Response.Code);
        factory.Clock.Advance(AuthenticatorApp.Step);
        return app;
    }

    [Fact]
    public async Task ClientRequiringMfaStepsUpAPasswordOnlySessionThroughEnrolmentWithoutThePassword()
    {
        using var browser = factory.NewBrowser();
        var (_, sessionId) = await PasswordOnlySessionAsync(browser);
        var client = await mfaClient.Value;
        var request = client.NewAuthorizationRequest();

        var enrolment = await EnrolmentPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var (_, response) = await TwoFactorJourneys.ConfirmEnrolmentAsync(browser, enrolment, enrolment.Scan(factory.Clock));
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, response);

        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
        Assert.Equal("urn:clinikoidp:acr:mfa", idToken.GetPayloadValue<string>("acr"));
        Assert.Equal(sessionId, idToken.GetPayloadValue<string>("sid"));
    }

    [Fact]
    public async Task AcrValuesAskingForMfaStepUpAPasswordOnlySessionToTheSecondFactor()
    {
        using var browser = factory.NewBrowser();
        var (user, _) = await PasswordOnlySessionAsync(browser);
        var client = await factory.StandardClientAsync();
        // The user sets up an authenticator from another browser; this one's session is still password-only.
        var app = await EnrolInAnotherBrowserAsync(user);
        var request = client.NewAuthorizationRequest().With("acr_values", "urn:clinikoidp:acr:mfa");
        var secondFactor = await SecondFactorPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var verified = await secondFactor.SubmitAsync(app.Code());
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, AuthorizationResponse.FromRedirect(await browser.FollowAsync(verified)));

        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
        Assert.Equal("urn:clinikoidp:acr:mfa", idToken.GetPayloadValue<string>("acr"));
    }

    [Fact]
    public async Task SteppedUpSessionServesTheMfaClientSilentlyAfterwards()
    {
        using var browser = factory.NewBrowser();
        await PasswordOnlySessionAsync(browser);
        var client = await mfaClient.Value;
        var enrolment = await EnrolmentPage.ReadAsync(browser, await browser.NavigateAsync(client.NewAuthorizationRequest().Url));
        Assert.NotNull((await TwoFactorJourneys.ConfirmEnrolmentAsync(browser, enrolment, enrolment.Scan(factory.Clock))).Response.Code);

        var request = client.NewAuthorizationRequest().With("prompt", "none");
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, await Journeys.AuthorizeAsync(browser, request));

        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
    }

    [Fact]
    public async Task UserWithAnAuthenticatorIsAskedForItEvenWhenNothingRequestsMfa()
    {
        var user = await Seed.UserAsync(factory);
        var client = await factory.StandardClientAsync();
        var app = await EnrolInAnotherBrowserAsync(user);
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var landed = await TwoFactorJourneys.SignInWithCodeAsync(browser, request, user, app.Code());
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, AuthorizationResponse.FromRedirect(landed));

        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
    }

    [Theory]
    [InlineData("client")]
    [InlineData("acr_values")]
    public async Task PromptNoneAnswersInteractionRequiredWhenThePasswordOnlySessionMustStepUp(string demand)
    {
        using var browser = factory.NewBrowser();
        await PasswordOnlySessionAsync(browser);
        var client = demand == "client" ? await mfaClient.Value : await factory.StandardClientAsync();
        var request = client.NewAuthorizationRequest().With("prompt", "none");
        if (demand == "acr_values")
        {
            request.With("acr_values", "urn:clinikoidp:acr:mfa");
        }

        var response = await Journeys.AuthorizeAsync(browser, request);

        Assert.Equal(client.RedirectUri, response.RedirectedTo);
        Assert.Equal("interaction_required", response.Error);
        Assert.Equal(request.State, response.State);
        Assert.Null(response.Code);
    }
}
