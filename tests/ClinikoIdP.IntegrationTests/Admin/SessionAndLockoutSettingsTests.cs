using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.SecurityEvents;
using static ClinikoIdP.IntegrationTests.Admin.SecuritySettingsForm;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// Issue 4, item 5: the session timeouts changed in the console reach sessions that already exist, at their next
/// request; the lockout threshold is the count Identity locks at.
/// </summary>
public class SessionAndLockoutSettingsTests(IdpFactory factory) : IClassFixture<IdpFactory>, IAsyncLifetime
{
    private const string AnyPage = "/my-security";

    public Task InitializeAsync() => ResetAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AShorterIdleTimeoutEndsAnIdleSessionAndSparesAnActiveOne()
    {
        using var idle = await SignedInBrowserAsync();
        using var active = await SignedInBrowserAsync();
        await ChangeAsync(IdleTimeoutMinutes, "5");

        factory.Clock.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(HttpStatusCode.OK, (await active.GetAsync(AnyPage)).StatusCode);
        factory.Clock.Advance(TimeSpan.FromMinutes(2));

        AssertSentToSignIn(await idle.GetAsync(AnyPage));
        Assert.Equal(HttpStatusCode.OK, (await active.GetAsync(AnyPage)).StatusCode);
    }

    [Fact]
    public async Task AShorterLifetimeEndsASessionOlderThanItWhateverTheActivity()
    {
        using var browser = await SignedInBrowserAsync();
        for (var i = 0; i < 2; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(50));
            Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(AnyPage)).StatusCode);
        }

        await ChangeAsync(AbsoluteLifetimeHours, "1");

        AssertSentToSignIn(await browser.GetAsync(AnyPage));
    }

    [Fact]
    public async Task ALockoutThresholdOfThreeLocksTheAccountAtTheThirdFailure()
    {
        await ChangeAsync(LockoutThreshold, "3");
        var user = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();

        for (var attempt = 1; attempt <= 2; attempt++)
        {
            await (await SignInPage.OpenAsync(browser)).SubmitExpectingFailureAsync(user.Email, $"not the password {attempt}");
        }

        Assert.Null((await AuditTrail.AccountOfAsync(factory, user)).LockoutEnd);
        await (await SignInPage.OpenAsync(browser)).SubmitExpectingFailureAsync(user.Email, "not the password 3");

        Assert.NotNull((await AuditTrail.AccountOfAsync(factory, user)).LockoutEnd);
        Assert.Equal(SecurityEventOutcomes.LockedOut, (await AuditTrail.EventsOfAsync(factory, user))[^1].Outcome);
        await (await SignInPage.OpenAsync(browser)).SubmitExpectingFailureAsync(user.Email, user.Password);
    }

    private async Task<Browser> SignedInBrowserAsync()
    {
        var user = await Seed.UserAsync(factory);
        var browser = factory.NewBrowser();
        var submitted = await (await SignInPage.OpenAsync(browser)).SubmitAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync(AnyPage)).StatusCode);
        return browser;
    }

    private async Task ChangeAsync(string field, string value)
    {
        using var console = await AdminConsole.SignInAsync(factory);
        await SaveAsync(console, form => form.Set(field, value));
    }

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.True(Browser.IsRedirect(response), $"Expected the sign-in page, got {(int)response.StatusCode}.");
        Assert.Equal(SignInPage.Path, Browser.LocationOf(response).AbsolutePath);
    }
}
