using ClinikoIdP.Authentication.Policy;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Passkeys;

public sealed class PasskeySecondFactorTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    [Fact]
    public async Task RegisteredPasskeyIsListedOnTheSecurityPage()
    {
        var (enrolled, _) = await PasskeyJourneys.UserWithPasskeyAsync(factory);

        using var browser = factory.NewBrowser();
        await PasskeyJourneys.SignInWithCodeAsync(factory, browser, enrolled);
        var page = await Browser.ParseAsync(await browser.NavigateAsync(PasskeyRoutes.Manage));
        var row = page.QuerySelector("tbody tr")!.TextContent;

        Assert.Contains("Test laptop", row, StringComparison.Ordinal);
        Assert.Contains("This device only", row, StringComparison.Ordinal);
        Assert.Contains("Not used yet", row, StringComparison.Ordinal);
        Assert.True(await factory.QueryAsync(db => db.SecurityEvents.AnyAsync(e =>
            e.Kind == SecurityEventKinds.PasskeyAdded && e.Email == enrolled.User.Email && e.Outcome == SecurityEventOutcomes.Succeeded)));
    }

    [Fact]
    public async Task PasskeyAfterThePasswordGivesPhishingResistantTokens()
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        var client = await factory.StandardClientAsync();
        var request = client.NewAuthorizationRequest();

        using var browser = factory.NewBrowser();
        var panel = await PasskeyPanel.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, enrolled.User));
        var response = await PasskeyJourneys.FollowToAppAsync(browser, await panel.GetAsync(authenticator));
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, response);

        Assert.Equal(
            new[] { Amr.Password, Amr.HardwareKey, Amr.MultipleFactor }.Order(StringComparer.Ordinal),
            idToken.GetPayloadValue<string[]>("amr").Order(StringComparer.Ordinal));
        Assert.Equal(Acr.PhishingResistant, idToken.GetPayloadValue<string>("acr"));
    }

    [Fact]
    public async Task SyncedPasskeyIsASoftwareKey()
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(
            factory, new TestSupport.WebAuthn.SoftwareAuthenticator { BackupEligible = true, BackedUp = true, FixedCounter = true });
        var client = await factory.StandardClientAsync();
        var request = client.NewAuthorizationRequest();

        using var browser = factory.NewBrowser();
        var panel = await PasskeyPanel.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, enrolled.User));
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request,
            await PasskeyJourneys.FollowToAppAsync(browser, await panel.GetAsync(authenticator)));

        Assert.Contains(Amr.SoftwareKey, idToken.GetPayloadValue<string[]>("amr"));
        Assert.DoesNotContain(Amr.HardwareKey, idToken.GetPayloadValue<string[]>("amr"));
    }

    [Fact]
    public async Task RefusedPasskeyCountsTowardsLockout()
    {
        var (enrolled, authenticator) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        authenticator.ClaimedOrigin = "https://evil.example";

        using var browser = factory.NewBrowser();
        var panel = await PasskeyPanel.ReadAsync(browser,
            await TwoFactorJourneys.PasswordAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User));
        Assert.Equal(PasskeyMessages.NotAccepted, await PasskeyPanel.ErrorAsync(
            await panel.SubmitAsync(authenticator.Get(await panel.OptionsAsync(), PasskeyPanel.Origin))));

        Assert.Equal(1, await factory.QueryAsync(db => db.Users.Where(u => u.Email == enrolled.User.Email).Select(u => u.AccessFailedCount).SingleAsync()));
    }

    [Fact]
    public async Task RemovingTheLastSecondFactorIsRefusedWhileTheClinicRequiresOne()
    {
        var (enrolled, _) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        using var browser = factory.NewBrowser();
        await PasskeyJourneys.SignInWithCodeAsync(factory, browser, enrolled);

        // A person whose authenticator is gone (turned off while the clinic allowed it): the passkey is the last factor.
        await factory.QueryAsync(db => db.Users.Where(u => u.Email == enrolled.User.Email)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.AuthenticatorSecret, (string?)null)));
        var id = (await Browser.ParseAsync(await browser.NavigateAsync(PasskeyRoutes.Manage)))
            .QuerySelector("tbody a")!.GetAttribute("href")!.Split("remove=")[1].Split('#')[0];
        var confirm = await PageDocument.ReadAsync(await browser.NavigateAsync($"{PasskeyRoutes.Manage}?remove={id}"), PasskeyRoutes.Manage);
        var removed = await browser.FollowAsync(await confirm.FormWith("button.danger").SubmitAsync(browser));

        Assert.Contains(PasskeyMessages.LastFactorRequired, await removed.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Test laptop", (await Browser.ParseAsync(removed)).QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PasskeyCanBeRenamedAndRemoved()
    {
        var (enrolled, _) = await PasskeyJourneys.UserWithPasskeyAsync(factory);
        using var browser = factory.NewBrowser();
        await PasskeyJourneys.SignInWithCodeAsync(factory, browser, enrolled);
        var id = (await Browser.ParseAsync(await browser.NavigateAsync(PasskeyRoutes.Manage)))
            .QuerySelector("tbody a")!.GetAttribute("href")!.Split("remove=")[1].Split('#')[0];

        var confirm = await PageDocument.ReadAsync(await browser.NavigateAsync($"{PasskeyRoutes.Manage}?remove={id}"), PasskeyRoutes.Manage);
        var renamed = await confirm.FormWith("input[name='name']").Set("name", "Reception key").SubmitAsync(browser);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, renamed.StatusCode);
        Assert.Contains("Reception key", (await Browser.ParseAsync(await browser.FollowAsync(renamed))).QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);

        confirm = await PageDocument.ReadAsync(await browser.NavigateAsync($"{PasskeyRoutes.Manage}?remove={id}"), PasskeyRoutes.Manage);
        var removed = await confirm.FormWith("button.danger").SubmitAsync(browser);
        Assert.Equal(System.Net.HttpStatusCode.SeeOther, removed.StatusCode);
        Assert.Null((await Browser.ParseAsync(await browser.FollowAsync(removed))).QuerySelector("tbody"));
        Assert.True(await factory.QueryAsync(db => db.SecurityEvents.AnyAsync(e =>
            e.Kind == SecurityEventKinds.PasskeyRemoved && e.Email == enrolled.User.Email)));
    }
}
