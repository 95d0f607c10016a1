using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.TestSupport.WebAuthn;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>The WebAuthn checks a phishing page, a cloned key or a replayed answer runs into.</summary>
public sealed class PasskeyCeremonyTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    [Fact]
    public async Task ClonedPasskeyIsRefusedByItsCounterAndRecorded()
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        var clone = authenticator.Clone();
        Assert.NotNull(await SecondStepAsync(enrolled, authenticator));
        factory.Clock.Advance(TimeSpan.FromMinutes(1));

        using var browser = factory.NewBrowser();
        var panel = await PasswordStepAsync(browser, enrolled);
        var refused = await panel.SubmitAsync(clone.Get(await panel.OptionsAsync(), PasskeyPanel.Origin));

        Assert.Equal(PasskeyMessages.NotAccepted, await PasskeyPanel.ErrorAsync(refused));
        Assert.True(await factory.QueryAsync(db => db.SecurityEvents.AnyAsync(e => e.Kind == SecurityEventKinds.PasskeyUsed
            && e.Email == enrolled.User.Email && e.Outcome == SecurityEventOutcomes.Failed && e.Detail!.Contains("cloned"))));
    }

    [Theory]
    [InlineData("https://evil.example", null)]
    [InlineData("http://localhost", null)]
    [InlineData(null, "evil.example")]
    public async Task AnswerForAnotherOriginOrRelyingPartyIsRefused(string? origin, string? rpId)
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        authenticator.ClaimedOrigin = origin;
        authenticator.ClaimedRpId = rpId;

        using var browser = factory.NewBrowser();
        var panel = await PasswordStepAsync(browser, enrolled);
        var refused = await panel.SubmitAsync(authenticator.Get(await panel.OptionsAsync(), PasskeyPanel.Origin));

        Assert.Equal(PasskeyMessages.NotAccepted, await PasskeyPanel.ErrorAsync(refused));
        Assert.False(browser.HasSessionCookie);
    }

    [Fact]
    public async Task ReplayedAnswerIsRefusedEvenWithTheCeremonyCookie()
    {
        // A synced passkey's counter stays at zero, so only the server-side claim of each ceremony stops a replay.
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory, new SoftwareAuthenticator { FixedCounter = true });

        using var victim = factory.NewBrowser();
        var panel = await PasswordStepAsync(victim, enrolled);
        var answer = authenticator.Get(await panel.OptionsAsync(), PasskeyPanel.Origin);
        var ceremonyCookie = victim.Cookies.GetCookies(IdpFactory.BaseAddress).Single(c => c.Name.EndsWith(PasskeyCeremonies.CookieName, StringComparison.Ordinal));
        await PasskeyPanel.NextAsync(await panel.SubmitAsync(answer));
        Assert.Equal(HttpStatusCode.BadRequest, (await panel.SubmitAsync(answer)).StatusCode);

        factory.Clock.Advance(TimeSpan.FromSeconds(5));
        using var attacker = factory.NewBrowser();
        var attackerPanel = await PasswordStepAsync(attacker, enrolled);
        attacker.Cookies.Add(IdpFactory.BaseAddress, ceremonyCookie);
        var replayed = await attackerPanel.SubmitAsync(answer);

        Assert.Equal(PasskeyMessages.NotAccepted, await PasskeyPanel.ErrorAsync(replayed));
        Assert.False(attacker.HasSessionCookie);
    }

    [Fact]
    public async Task AnswerToAnEarlierCeremonyIsRefused()
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);

        using var browser = factory.NewBrowser();
        var panel = await PasswordStepAsync(browser, enrolled);
        var first = await panel.OptionsAsync();
        await panel.OptionsAsync();
        var refused = await panel.SubmitAsync(authenticator.Get(first, PasskeyPanel.Origin));

        Assert.Equal(PasskeyMessages.NotAccepted, await PasskeyPanel.ErrorAsync(refused));
    }

    [Fact]
    public async Task ScriptEndpointsRequireTheAntiforgeryToken()
    {
        var (enrolled, _) = await PasskeyJourneys.UserWithPasskeyAsync(factory);

        using var browser = factory.NewBrowser();
        var panel = await PasswordStepAsync(browser, enrolled);

        Assert.Equal(HttpStatusCode.BadRequest, (await panel.PostAsync(panel.OptionsUrl, "{}", withToken: false)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await panel.PostAsync(panel.SubmitUrl, "{}", withToken: false)).StatusCode);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1, 2]")]
    [InlineData("{\"credential\": \"text\"}")]
    public async Task MalformedAnswerIsABadRequestWithAClearError(string body)
    {
        var (enrolled, _) = await PasskeyJourneys.UserWithPasskeyAsync(factory);

        using var browser = factory.NewBrowser();
        var panel = await PasswordStepAsync(browser, enrolled);
        await panel.OptionsAsync();
        var response = await panel.PostAsync(panel.SubmitUrl, body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PasskeyMessages.Malformed, await PasskeyPanel.ErrorAsync(response));
    }

    [Fact]
    public async Task CredentialOfTheWrongShapeIsRefusedNotAnError()
    {
        var (enrolled, _) = await PasskeyJourneys.UserWithPasskeyAsync(factory);

        using var browser = factory.NewBrowser();
        var panel = await PasswordStepAsync(browser, enrolled);
        await panel.OptionsAsync();
        var response = await panel.PostAsync(panel.SubmitUrl, "{\"credential\": {\"id\": 5, \"response\": []}}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PasskeyMessages.NotAccepted, await PasskeyPanel.ErrorAsync(response));
    }

    private async Task<PasskeyPanel> PasswordStepAsync(Browser browser, EnrolledUser enrolled) =>
        await PasskeyPanel.ReadAsync(browser,
            await TwoFactorJourneys.PasswordAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User));

    private async Task<string> SecondStepAsync(EnrolledUser enrolled, SoftwareAuthenticator authenticator)
    {
        using var browser = factory.NewBrowser();
        return await (await PasswordStepAsync(browser, enrolled)).GetAsync(authenticator);
    }
}
