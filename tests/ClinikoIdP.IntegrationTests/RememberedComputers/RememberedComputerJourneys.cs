using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.RememberedComputers;
using ClinikoIdP.Server.Features.Session;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.RememberedComputers;

/// <summary>Sign-ins on a computer that may be remembered, composed from the page objects.</summary>
public static class RememberedComputerJourneys
{
    public const string RememberBox = "RememberComputer";

    /// <summary>Password, then a code with "Remember this computer" ticked; returns the app's response.</summary>
    public static async Task<AuthorizationResponse> SignInRememberingAsync(
        IdpFactory factory, Browser browser, AuthorizationRequest request, EnrolledUser enrolled)
    {
        var page = await SecondFactorPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, request, enrolled.User));
        Assert.NotNull(page.Page.Document.QuerySelector($"input[type='checkbox'][name='{RememberBox}']"));
        var submitted = await page.Form.Set("Input.Code", enrolled.App.Code()).Check(RememberBox).SubmitAsync(browser);
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        factory.Clock.Advance(AuthenticatorApp.Step);
        return AuthorizationResponse.FromRedirect(await browser.FollowAsync(submitted));
    }

    /// <summary>A new user who signed in once ticking "Remember this computer" in <paramref name="browser"/>, then closed it.</summary>
    public static async Task<EnrolledUser> RememberedUserAsync(IdpFactory factory, Browser browser)
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        Assert.NotNull((await SignInRememberingAsync(factory, browser, client.NewAuthorizationRequest(), enrolled)).Code);
        CloseBrowser(browser);
        return enrolled;
    }

    /// <summary>
    /// What closing the browser does: the session cookie (not persistent) goes, the remembered-computer cookie
    /// (persistent, with its own expiry) stays.
    /// </summary>
    public static void CloseBrowser(Browser browser)
    {
        foreach (var cookie in browser.Cookies.GetAllCookies().Where(c => c.Expires == DateTime.MinValue))
        {
            cookie.Expired = true;
        }
    }

    /// <summary>The password only; returns where the browser then is (the app when the code was skipped, or the next page).</summary>
    public static Task<HttpResponseMessage> PasswordAsync(Browser browser, AuthorizationRequest request, TestUser user) =>
        TwoFactorJourneys.PasswordAsync(browser, request, user);

    /// <summary>True when the sign-in went straight back to the app after the password (the second factor was skipped).</summary>
    public static bool WentToTheApp(HttpResponseMessage response) =>
        Browser.IsRedirect(response) && !Browser.IsOnIdentityProvider(Browser.LocationOf(response));

    /// <summary>
    /// Reopens the browser, signs in with the password and expects the code to be skipped; returns the validated id
    /// token. The browser stays signed in.
    /// </summary>
    public static async Task<JsonWebToken> SignInSkippingTheCodeAsync(Browser browser, TestClient client, TestUser user)
    {
        CloseBrowser(browser);
        var request = client.NewAuthorizationRequest();
        var response = await PasswordAsync(browser, request, user);
        Assert.True(WentToTheApp(response), $"Expected the app, got {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        var (_, idToken) = await TwoFactorJourneys.RedeemAsync(client, request, AuthorizationResponse.FromRedirect(response));
        return idToken;
    }

    /// <summary>Reopens the browser, signs in with the password and expects the second-factor page.</summary>
    public static async Task<SecondFactorPage> SignInAskedForTheCodeAsync(Browser browser, AuthorizationRequest request, TestUser user)
    {
        CloseBrowser(browser);
        return await SecondFactorPage.ReadAsync(browser, await PasswordAsync(browser, request, user));
    }

    /// <summary>The remembered-computer cookies this browser holds (one per person remembered on it).</summary>
    public static IReadOnlyList<Cookie> ComputerCookies(Browser browser) =>
        [.. browser.Cookies.GetAllCookies().Where(c => !c.Expired && c.Name.Contains(RememberedComputerCookie.NamePrefix, StringComparison.Ordinal))];

    public static bool IsSessionCookie(Cookie cookie) => cookie.Name.EndsWith(SessionCookies.SessionCookieName, StringComparison.Ordinal);
}
