using System.Net;
using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Passkeys;

namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>A passkey on its own, only where the clinic turned it on. Each test sets the setting it needs.</summary>
public sealed class PasswordlessPasskeyTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    [Fact]
    public async Task PasskeySignsInWithoutAPasswordWhenTheClinicAllowsIt()
    {
        var (_, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        await PasskeyJourneys.SetPasswordlessAsync(factory, on: true);
        var client = await factory.StandardClientAsync();
        var request = client.NewAuthorizationRequest();

        using var browser = factory.NewBrowser();
        var panel = await PasskeyPanel.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var response = await PasskeyJourneys.FollowToAppAsync(browser, await panel.GetAsync(authenticator));
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, response);

        Assert.Equal(
            new[] { Amr.HardwareKey, Amr.MultipleFactor }.Order(StringComparer.Ordinal),
            idToken.GetPayloadValue<string[]>("amr").Order(StringComparer.Ordinal));
        Assert.Equal(Acr.PhishingResistant, idToken.GetPayloadValue<string>("acr"));
    }

    [Fact]
    public async Task PasswordlessIsRefusedWhenTheClinicHasNotTurnedItOn()
    {
        await PasskeyJourneys.SetPasswordlessAsync(factory, on: false);

        using var browser = factory.NewBrowser();
        var page = await Browser.ParseAsync(await browser.NavigateAsync("/signin"));
        Assert.Null(page.QuerySelector("[data-passkey]"));

        var token = page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using var request = new HttpRequestMessage(HttpMethod.Post, PasskeyRoutes.Handler(PasskeyRoutes.SignIn, PasskeyRoutes.RequestOptionsHandler))
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("RequestVerificationToken", token);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task PasskeyThatDidNotVerifyThePersonCannotSignInAlone()
    {
        var (_, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        await PasskeyJourneys.SetPasswordlessAsync(factory, on: true);
        authenticator.UserVerified = false;

        using var browser = factory.NewBrowser();
        var panel = await PasskeyPanel.OpenAsync(browser, "/signin");
        var refused = await panel.SubmitAsync(authenticator.Get(await panel.OptionsAsync(), PasskeyPanel.Origin));

        Assert.Equal(PasskeyMessages.PasswordlessRefused, await PasskeyPanel.ErrorAsync(refused));
        Assert.False(browser.HasSessionCookie);
    }

    [Fact]
    public async Task UnknownPasskeyGetsTheSameAnswerAsALockedAccount()
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        await PasskeyJourneys.SetPasswordlessAsync(factory, on: true);

        using var stranger = factory.NewBrowser();
        var strangerPanel = await PasskeyPanel.OpenAsync(stranger, "/signin");
        var unknown = new TestSupport.WebAuthn.SoftwareAuthenticator();
        unknown.Create(CreationOptionsFor("localhost"), PasskeyPanel.Origin);
        var unknownAnswer = await PasskeyPanel.ErrorAsync(
            await strangerPanel.SubmitAsync(unknown.Get(await strangerPanel.OptionsAsync(), PasskeyPanel.Origin)));

        await factory.AdminOkAsync("user", "lock", "--email", enrolled.User.Email);
        using var browser = factory.NewBrowser();
        var panel = await PasskeyPanel.OpenAsync(browser, "/signin");
        var lockedAnswer = await PasskeyPanel.ErrorAsync(await panel.SubmitAsync(authenticator.Get(await panel.OptionsAsync(), PasskeyPanel.Origin)));

        Assert.Equal(PasskeyMessages.PasswordlessRefused, unknownAnswer);
        Assert.Equal(unknownAnswer, lockedAnswer);
    }

    private static string CreationOptionsFor(string rpId) =>
        $$"""{"rp":{"id":"{{rpId}}","name":"x"},"user":{"id":"dW5rbm93bg","name":"u","displayName":"u"},"challenge":"AAAA","pubKeyCredParams":[{"type":"public-key","alg":-7}]}""";
}
