using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.Passkeys;
using ClinikoIdP.TestSupport.WebAuthn;

namespace ClinikoIdP.IntegrationTests.Passkeys;

/// <summary>Journeys with passkeys, composed from the page objects and the software authenticator.</summary>
public static class PasskeyJourneys
{
    /// <summary>
    /// A user enrolled with an authenticator app who then, signed in with a fresh code, adds a passkey on the security
    /// page (in a browser since closed). The clock moves on, so the next ceremony starts after this one's use.
    /// </summary>
    public static async Task<(EnrolledUser Enrolled, SoftwareAuthenticator Authenticator)> UserWithPasskeyAsync(
        IdpFactory factory, SoftwareAuthenticator? authenticator = null)
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        authenticator ??= new SoftwareAuthenticator();
        using var browser = factory.NewBrowser();
        await SignInWithCodeAsync(factory, browser, enrolled);
        var panel = await PasskeyPanel.OpenAsync(browser, PasskeyRoutes.Manage);
        Assert.Equal(PasskeyRoutes.Manage, await panel.CreateAsync(authenticator));
        factory.Clock.Advance(TimeSpan.FromSeconds(31));
        return (enrolled, authenticator);
    }

    /// <summary>Signs in to the standard client with the password and the app's current code.</summary>
    public static async Task SignInWithCodeAsync(IdpFactory factory, Browser browser, EnrolledUser enrolled)
    {
        var client = await factory.StandardClientAsync();
        var landed = await TwoFactorJourneys.SignInWithCodeAsync(browser, client.NewAuthorizationRequest(), enrolled.User, enrolled.App.Code());
        Assert.NotNull(AuthorizationResponse.FromRedirect(landed).Code);
        factory.Clock.Advance(AuthenticatorApp.Step);
    }

    /// <summary>Follows a script's redirectTo and reads the clinic app's authorization response.</summary>
    public static async Task<AuthorizationResponse> FollowToAppAsync(Browser browser, string redirectTo)
    {
        var response = await browser.NavigateAsync(redirectTo);
        Assert.True(Browser.IsRedirect(response), $"Expected a redirect to the app, got {(int)response.StatusCode} at {response.RequestMessage?.RequestUri}");
        return AuthorizationResponse.FromRedirect(response);
    }

    public static Task SetPasswordlessAsync(IdpFactory factory, bool on) => factory.QueryAsync(async db =>
    {
        var row = await db.OrganisationSettings.FindAsync("PasswordlessPasskeys");
        if (row is null)
        {
            db.OrganisationSettings.Add(new OrganisationSettingRecord { Name = "PasswordlessPasskeys", Value = on ? "true" : "false" });
        }
        else
        {
            row.Value = on ? "true" : "false";
        }

        return await db.SaveChangesAsync();
    });

    public static async Task<HttpResponseMessage> ExpectStatusAsync(Task<HttpResponseMessage> pending, HttpStatusCode status)
    {
        var response = await pending;
        Assert.Equal(status, response.StatusCode);
        return response;
    }
}
