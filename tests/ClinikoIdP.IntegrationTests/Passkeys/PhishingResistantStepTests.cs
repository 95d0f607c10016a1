using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Passkeys;

namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>An app (its setting, or acr_values=phr) that accepts only a passkey: a code session steps up.</summary>
public sealed class PhishingResistantStepTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    [Fact]
    public async Task ClientRequiringPhishingResistanceStepsACodeSessionUpToThePasskey()
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        var strict = await Seed.ClientAsync(factory, "--require-phishing-resistant");

        using var browser = factory.NewBrowser();
        await PasskeyJourneys.SignInWithCodeAsync(factory, browser, enrolled);
        var (_, idToken) = await StepUpAsync(browser, strict, strict.NewAuthorizationRequest(), authenticator);

        Assert.Equal(Acr.PhishingResistant, idToken.GetPayloadValue<string>("acr"));
        Assert.Contains(Amr.HardwareKey, idToken.GetPayloadValue<string[]>("amr"));
    }

    [Fact]
    public async Task AcrValuesPhrStepsACodeSessionUpToThePasskey()
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        var client = await factory.StandardClientAsync();

        using var browser = factory.NewBrowser();
        await PasskeyJourneys.SignInWithCodeAsync(factory, browser, enrolled);
        var (_, idToken) = await StepUpAsync(browser, client, client.NewAuthorizationRequest().With("acr_values", Acr.PhishingResistant), authenticator);

        Assert.Equal(Acr.PhishingResistant, idToken.GetPayloadValue<string>("acr"));
    }

    [Fact]
    public async Task UserWithoutAPasskeyAddsOneThenUsesIt()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var strict = await Seed.ClientAsync(factory, "--require-phishing-resistant");
        var request = strict.NewAuthorizationRequest();
        var authenticator = new TestSupport.WebAuthn.SoftwareAuthenticator();

        using var browser = factory.NewBrowser();
        var adding = await TwoFactorJourneys.SignInWithCodeAsync(browser, request, enrolled.User, enrolled.App.Code());
        Assert.Equal(PasskeyRoutes.Step, adding.RequestMessage!.RequestUri!.AbsolutePath);
        var usePage = await (await PasskeyPanel.ReadAsync(browser, adding)).CreateAsync(authenticator);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var panel = await PasskeyPanel.OpenAsync(browser, usePage);
        var response = await PasskeyJourneys.FollowToAppAsync(browser, await panel.GetAsync(authenticator));
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(strict, request, response);

        Assert.Equal(Acr.PhishingResistant, idToken.GetPayloadValue<string>("acr"));
    }

    [Fact]
    public async Task ClientRequiringMfaIsSatisfiedByAPasskey()
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        var mfaApp = await Seed.ClientAsync(factory, "--require-mfa");
        var request = mfaApp.NewAuthorizationRequest();

        using var browser = factory.NewBrowser();
        var panel = await PasskeyPanel.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, enrolled.User));
        var response = await PasskeyJourneys.FollowToAppAsync(browser, await panel.GetAsync(authenticator));

        Assert.NotNull(response.Code);
    }

    [Fact]
    public async Task DiscoveryAdvertisesPhr()
    {
        using var http = factory.NewBackChannel();
        var discovery = await http.GetStringAsync("/.well-known/openid-configuration");

        Assert.Contains($"\"{Acr.PhishingResistant}\"", discovery, StringComparison.Ordinal);
    }

    private async Task<(TokenResponse Tokens, Microsoft.IdentityModel.JsonWebTokens.JsonWebToken IdToken)> StepUpAsync(
        Browser browser, TestClient client, AuthorizationRequest request, TestSupport.WebAuthn.SoftwareAuthenticator authenticator)
    {
        var step = await browser.NavigateAsync(request.Url);
        Assert.Equal(PasskeyRoutes.Step, step.RequestMessage!.RequestUri!.AbsolutePath);
        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        var panel = await PasskeyPanel.ReadAsync(browser, step);
        var response = await PasskeyJourneys.FollowToAppAsync(browser, await panel.GetAsync(authenticator));
        return await TwoFactorJourneys.RedeemAsync(client, request, response);
    }
}
