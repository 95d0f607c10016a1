using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.EntityFrameworkCore;
using static ClinikoIdP.IntegrationTests.Admin.SecuritySettingsForm;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// Issue 4, item 5, "Require two-factor authentication for all users" on a server configured with
/// <c>TwoFactor:Enforcement=WhenRequested</c>: switched on in the console, everyone without an authenticator is sent to
/// enrolment at their next sign-in or page, and their refresh tokens wait until they have enrolled.
/// </summary>
public class RequireTwoFactorForAllTests(IdpFactory factory) : IClassFixture<IdpFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => ResetAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ASignedInUserWithoutTwoFactorEnrolsAtTheirNextPageAndTheirRefreshTokenWaitsUntilThen()
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(browser, client, user);

        await SwitchRequireTwoFactorAsync(factory, on: true);

        var refused = await client.RefreshAsync(tokens.RefreshToken!);
        Assert.Equal("invalid_grant", refused.Error);
        Assert.Contains("Two-step verification must be set up", refused.Json.GetProperty("error_description").GetString(), StringComparison.Ordinal);

        var response = await browser.GetAsync("/my-security");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        var location = Browser.LocationOf(response);
        Assert.Equal(EnrolmentPage.Path, location.AbsolutePath);
        Assert.Contains("ReturnUrl=%2Fmy-security", location.Query, StringComparison.Ordinal);

        var enrolment = await EnrolmentPage.ReadAsync(browser, await browser.FollowAsync(response));
        var confirmed = await enrolment.SubmitAsync(enrolment.Scan(factory.Clock).Code());
        var codes = await BackupCodesPage.ReadAsync(browser, await browser.FollowAsync(confirmed));
        await PageDocument.ReadAsync(await browser.FollowAsync(await codes.ContinueAsync(saved: true)), "/my-security");

        (await client.RefreshAsync(tokens.RefreshToken!)).EnsureSuccess();
    }

    [Fact]
    public async Task ASignedInUserWithoutTwoFactorIsSteppedUpToEnrolmentAtTheAuthorizationEndpoint()
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        Assert.NotNull((await Journeys.SignInAsync(browser, client.NewAuthorizationRequest(), user)).Code);

        await SwitchRequireTwoFactorAsync(factory, on: true);

        var silent = await Journeys.AuthorizeAsync(browser, client.NewAuthorizationRequest().With("prompt", "none"));
        Assert.Equal("interaction_required", silent.Error);
        var request = client.NewAuthorizationRequest();
        var enrolment = await EnrolmentPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var (_, response) = await TwoFactorJourneys.ConfirmEnrolmentAsync(browser, enrolment, enrolment.Scan(factory.Clock));
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, response);
        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
    }

    [Fact]
    public async Task ASessionFromBeforeAPasswordChangeIsSentToSignInRatherThanToEnrolment()
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        Assert.NotNull((await Journeys.SignInAsync(browser, client.NewAuthorizationRequest(), user)).Code);
        await SwitchRequireTwoFactorAsync(factory, on: true);

        // As a password change on another computer does, within the minute before the cookie's own stamp check.
        await factory.QueryAsync(async db =>
        {
            var account = await db.Users.SingleAsync(u => u.Email == user.Email);
            account.SecurityStamp = Guid.NewGuid().ToString("N");
            return await db.SaveChangesAsync();
        });

        var response = await browser.GetAsync("/my-security");
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(SignInPage.Path, Browser.LocationOf(response).AbsolutePath);
        Assert.False(browser.HasSessionCookie);
    }

    [Fact]
    public async Task AUserWithoutTwoFactorEnrolsAtTheirNextSignInBeforeAnyCodeIsIssued()
    {
        await SwitchRequireTwoFactorAsync(factory, on: true);
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();

        var (_, response) = await TwoFactorJourneys.EnrolAsync(browser, request, user, factory.Clock);

        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, response);
        Assert.Equal(["pwd", "otp", "mfa"], TokenValidator.ArrayClaim(idToken, "amr"));
    }

    [Fact]
    public async Task SwitchedOffAgainANewUserSignsInWithAPasswordAloneAndNobodyLosesTheirAuthenticator()
    {
        await SwitchRequireTwoFactorAsync(factory, on: true);
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);

        await SwitchRequireTwoFactorAsync(factory, on: false);

        var (newcomer, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, await Journeys.SignInAsync(browser, request, newcomer));
        Assert.Equal(["pwd"], TokenValidator.ArrayClaim(idToken, "amr"));
        Assert.True((await AuditTrail.AccountOfAsync(factory, enrolled.User)).HasAuthenticator);
    }
}
