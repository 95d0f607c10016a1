using System.Net;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.IdentityModel.JsonWebTokens;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>Sign-in journeys with a second factor, composed from the page objects.</summary>
public static class TwoFactorJourneys
{
    /// <summary>Opens the authorization URL, enters the password and follows on to the page of the next step.</summary>
    public static async Task<HttpResponseMessage> PasswordAsync(Browser browser, AuthorizationRequest request, TestUser user)
    {
        var page = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));
        var submitted = await page.SubmitAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        return await browser.FollowAsync(submitted);
    }

    /// <summary>Confirms enrolment with the app's current code and saves the backup codes; returns them and the redirect to the app.</summary>
    public static async Task<(IReadOnlyList<string> BackupCodes, AuthorizationResponse Response)> ConfirmEnrolmentAsync(
        Browser browser, EnrolmentPage page, AuthenticatorApp app)
    {
        var confirmed = await page.SubmitAsync(app.Code());
        Assert.Equal(HttpStatusCode.SeeOther, confirmed.StatusCode);
        var codes = await BackupCodesPage.ReadAsync(browser, await browser.FollowAsync(confirmed));
        var saved = await codes.ContinueAsync(saved: true);
        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        return (codes.Codes, AuthorizationResponse.FromRedirect(await browser.FollowAsync(saved)));
    }

    /// <summary>A first sign-in where enrolment is required: password, scan, confirm a code, save the backup codes.</summary>
    public static async Task<(EnrolledUser Enrolled, AuthorizationResponse Response)> EnrolAsync(
        Browser browser, AuthorizationRequest request, TestUser user, TimeProvider clock)
    {
        var enrolment = await EnrolmentPage.ReadAsync(browser, await PasswordAsync(browser, request, user));
        var app = enrolment.Scan(clock);
        var (backupCodes, response) = await ConfirmEnrolmentAsync(browser, enrolment, app);
        return (new EnrolledUser(user, app, backupCodes), response);
    }

    /// <summary>
    /// A new user who has enrolled (in a browser since closed) through the factory's standard client. The clock then
    /// moves on a time step, so the app shows a code that was never used.
    /// </summary>
    public static async Task<EnrolledUser> EnrolNewUserAsync(IdpFactory factory)
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var browser = factory.NewBrowser();
        var (enrolled, response) = await EnrolAsync(browser, client.NewAuthorizationRequest(), user, factory.Clock);
        Assert.NotNull(response.Code);
        factory.Clock.Advance(AuthenticatorApp.Step);
        return enrolled;
    }

    /// <summary>Password, then a code on the second-factor page; returns where the browser ends up (the app, or a further page).</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(Browser browser, AuthorizationRequest request, TestUser user, string code)
    {
        var page = await SecondFactorPage.ReadAsync(browser, await PasswordAsync(browser, request, user));
        var submitted = await page.SubmitAsync(code);
        Assert.Equal(HttpStatusCode.SeeOther, submitted.StatusCode);
        return await browser.FollowAsync(submitted);
    }

    /// <summary>Redeems the code of an authorization response and returns the validated id token.</summary>
    public static async Task<(TokenResponse Tokens, JsonWebToken IdToken)> RedeemAsync(
        TestClient client, AuthorizationRequest request, AuthorizationResponse response)
    {
        Assert.False(string.IsNullOrEmpty(response.Code), $"No code: {response.Location}");
        var tokens = (await client.RedeemCodeAsync(response.Code, request.Pkce.Verifier)).EnsureSuccess();
        return (tokens, await client.Tokens.ValidateIdTokenAsync(tokens.IdToken!, client.ClientId, request.Nonce));
    }
}
