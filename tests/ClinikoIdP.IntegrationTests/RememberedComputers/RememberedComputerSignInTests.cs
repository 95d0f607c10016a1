using System.Net;
using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ClinikoIdP.IntegrationTests.RememberedComputers.RememberedComputerJourneys;

namespace ClinikoIdP.IntegrationTests.RememberedComputers;

/// <summary>
/// Issue 9, item 2: a remembered computer skips only the second factor (never the password), only in the browser that
/// holds its cookie, only for the person it was remembered for, only while live and while the clinic allows it, and
/// never where a client or request demands a second factor.
/// </summary>
public class RememberedComputerSignInTests(RememberComputersIdpFactory factory) : IClassFixture<RememberComputersIdpFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => factory.QueryAsync(db => db.OrganisationSettings.ExecuteDeleteAsync());

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SecondSignInInTheSameBrowserSkipsTheCodeButNotThePassword()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var client = await factory.StandardClientAsync();

        CloseBrowser(browser);
        var signIn = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(client.NewAuthorizationRequest().Url));
        var idToken = await SignInSkippingTheCodeAsync(browser, client, enrolled.User);

        Assert.NotNull(signIn);
        Assert.Equal(["pwd", "rem"], TokenValidator.ArrayClaim(idToken, "amr"));
        Assert.Equal("urn:clinikoidp:acr:pwd", idToken.GetPayloadValue<string>("acr"));
        var skipped = await factory.QueryAsync(db => db.SecurityEvents
            .Where(e => e.Email == enrolled.User.Email && e.Kind == SecurityEventKinds.RememberedComputerUsed).ToListAsync());
        Assert.Equal(SecurityEventOutcomes.Succeeded, Assert.Single(skipped).Outcome);
    }

    [Fact]
    public async Task RememberingStoresOnlyTheTokensHashWithTheBrowserAndWritesAnEvent()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);

        var cookie = Assert.Single(ComputerCookies(browser));
        Assert.StartsWith("__Host-ClinikoIdP.Computer.", cookie.Name, StringComparison.Ordinal);
        Assert.True(cookie.HttpOnly);
        Assert.True(cookie.Secure);
        Assert.InRange(cookie.Expires, factory.Clock.GetUtcNow().UtcDateTime.AddDays(29), factory.Clock.GetUtcNow().UtcDateTime.AddDays(31));
        var record = await factory.QueryAsync(db => db.RememberedComputers.SingleAsync(c => c.UserId == db.Users.Single(u => u.Email == enrolled.User.Email).Id));
        Assert.Matches("^[0-9a-f]{64}$", record.TokenHash);
        Assert.DoesNotContain(record.TokenHash, cookie.Value, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(RememberedComputerUserAgent.Unknown, record.Browser);
        var remembered = await factory.QueryAsync(db => db.SecurityEvents.Where(e => e.UserId == record.UserId && e.Kind == SecurityEventKinds.ComputerRemembered).ToListAsync());
        Assert.Equal(SecurityEventOutcomes.Succeeded, Assert.Single(remembered).Outcome);
    }

    [Fact]
    public async Task TheBoxIsUntickedByDefaultAndNothingIsRememberedWithoutIt()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();

        var page = await SignInAskedForTheCodeAsync(browser, client.NewAuthorizationRequest(), enrolled.User);
        Assert.False(page.Page.Document.QuerySelector($"input[name='{RememberBox}']")!.HasAttribute("checked"));
        Assert.Contains("Don't tick this on a shared computer", page.Page.Document.QuerySelector("[data-remember-computer]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.SeeOther, (await page.SubmitAsync(enrolled.App.Code())).StatusCode);
        factory.Clock.Advance(AuthenticatorApp.Step);

        Assert.Empty(ComputerCookies(browser));
        await SignInAskedForTheCodeAsync(browser, client.NewAuthorizationRequest(), enrolled.User);
    }

    [Fact]
    public async Task AFreshBrowserIsAskedForTheCode()
    {
        using (var remembered = factory.NewBrowser())
        {
            var enrolled = await RememberedUserAsync(factory, remembered);
            using var fresh = factory.NewBrowser();

            await SignInAskedForTheCodeAsync(fresh, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User);
        }
    }

    [Fact]
    public async Task AnotherPersonsRememberedComputerDoesNotSkipTheirColleaguesCode()
    {
        using var browser = factory.NewBrowser();
        await RememberedUserAsync(factory, browser);
        var colleague = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();

        await SignInAskedForTheCodeAsync(browser, client.NewAuthorizationRequest(), colleague.User);

        // Even the first person's cookie under the colleague's name opens nothing: the cookie names whom it is for.
        var first = Assert.Single(ComputerCookies(browser));
        var colleagueId = await factory.QueryAsync(db => db.Users.Where(u => u.Email == colleague.User.Email).Select(u => u.Id).SingleAsync());
        var colleagueCookieName = factory.Services.GetRequiredService<RememberedComputerCookie>().NameFor(colleagueId);
        browser.Cookies.Add(IdpFactory.BaseAddress, new Cookie(colleagueCookieName, first.Value, "/") { Secure = true, HttpOnly = true });
        await SignInAskedForTheCodeAsync(browser, client.NewAuthorizationRequest(), colleague.User);
    }

    [Fact]
    public async Task AnExpiredRememberedComputerIsAskedForTheCode()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var cookie = Assert.Single(ComputerCookies(browser));

        factory.Clock.Advance(TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        // The test browser keeps an expired cookie if asked to: the server must refuse it on its own.
        browser.Cookies.Add(IdpFactory.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/") { Secure = true, HttpOnly = true });

        await SignInAskedForTheCodeAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User);
    }

    [Fact]
    public async Task ATamperedCookieIsAskedForTheCodeWithoutAnError()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var cookie = Assert.Single(ComputerCookies(browser));
        browser.Cookies.Add(IdpFactory.BaseAddress, new Cookie(cookie.Name, "X" + cookie.Value[1..], "/") { Secure = true, HttpOnly = true });

        await SignInAskedForTheCodeAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User);

        browser.Cookies.Add(IdpFactory.BaseAddress, new Cookie(cookie.Name, new string('A', 2000), "/") { Secure = true, HttpOnly = true });
        await SignInAskedForTheCodeAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(), enrolled.User);
    }

    [Fact]
    public async Task TurnedOffTheBoxIsGoneAndRememberedComputersAreIgnoredThenBackWhenTurnedOn()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var client = await factory.StandardClientAsync();

        await SwitchAsync(on: false);
        var page = await SignInAskedForTheCodeAsync(browser, client.NewAuthorizationRequest(), enrolled.User);
        Assert.Null(page.Page.Document.QuerySelector($"input[name='{RememberBox}']"));
        Assert.Single(ComputerCookies(browser));
        Assert.True(await factory.QueryAsync(db => db.RememberedComputers.AnyAsync(c => c.RevokedAt == null)));

        // Not deleted: turning it back on lets the same browser skip the code again.
        await SwitchAsync(on: true);
        var idToken = await SignInSkippingTheCodeAsync(browser, client, enrolled.User);
        Assert.Equal(["pwd", "rem"], TokenValidator.ArrayClaim(idToken, "amr"));
    }

    [Fact]
    public async Task AClientThatRequiresMfaStillAsksForTheCodeOnARememberedComputer()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var mfaClient = await Seed.ClientAsync(factory, "--require-mfa");
        var request = mfaClient.NewAuthorizationRequest();

        var page = await SignInAskedForTheCodeAsync(browser, request, enrolled.User);
        var verified = await page.SubmitAsync(enrolled.App.Code());
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(mfaClient, request, AuthorizationResponse.FromRedirect(await browser.FollowAsync(verified)));

        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
    }

    [Fact]
    public async Task AcrValuesAskingForMfaStillAskForTheCodeOnARememberedComputer()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var client = await factory.StandardClientAsync();

        await SignInAskedForTheCodeAsync(browser, client.NewAuthorizationRequest().With("acr_values", "mfa"), enrolled.User);
    }

    [Fact]
    public async Task ARememberedSessionIsSteppedUpWhenAnAppThatRequiresMfaIsOpenedNext()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        await SignInSkippingTheCodeAsync(browser, await factory.StandardClientAsync(), enrolled.User);
        var mfaClient = await Seed.ClientAsync(factory, "--require-mfa");

        var stepUp = await browser.NavigateAsync(mfaClient.NewAuthorizationRequest().Url);

        await SecondFactorPage.ReadAsync(browser, stepUp);
    }

    [Fact]
    public async Task AWrongPasswordOnARememberedComputerIsStillRefused()
    {
        using var browser = factory.NewBrowser();
        var enrolled = await RememberedUserAsync(factory, browser);
        var client = await factory.StandardClientAsync();

        var page = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(client.NewAuthorizationRequest().Url));
        var refused = await page.SubmitAsync(enrolled.User.Email, enrolled.User.Password + "x");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(browser.HasSessionCookie);
    }

    private async Task SwitchAsync(bool on)
    {
        await factory.QueryAsync(async db =>
        {
            await db.OrganisationSettings.Where(s => s.Name == SecuritySettingNames.RememberComputers).ExecuteDeleteAsync();
            db.OrganisationSettings.Add(new OrganisationSettingRecord
            {
                Name = SecuritySettingNames.RememberComputers,
                Value = on ? "true" : "false",
                UpdatedAt = factory.Clock.GetUtcNow(),
            });
            return await db.SaveChangesAsync();
        });
    }
}
