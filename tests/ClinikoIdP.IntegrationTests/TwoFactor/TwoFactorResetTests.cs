using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;

namespace ClinikoIdP.IntegrationTests.TwoFactor;

/// <summary>
/// Issue 3, "Administrators": <c>admin user reset-2fa --email E</c> removes the authenticator and backup codes, ends the
/// user's sessions and refresh tokens, and the next sign-in enrols again.
/// </summary>
public class TwoFactorResetTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    [Fact]
    public async Task ResetKillsRefreshTokensAndSessionsAndForcesEnrolment()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var signedIn = await TwoFactorJourneys.SignInWithCodeAsync(browser, request, enrolled.User, enrolled.App.Code());
        var (tokens, _) = await TwoFactorJourneys.RedeemAsync(client, request, AuthorizationResponse.FromRedirect(signedIn));
        Assert.False(string.IsNullOrEmpty(tokens.RefreshToken));

        var reset = await factory.AdminAsync("user", "reset-2fa", "--email", enrolled.User.Email);

        Assert.Equal(0, reset.ExitCode);
        Assert.Empty(reset.ErrorLines);
        var refreshed = await client.RefreshAsync(tokens.RefreshToken!);
        Assert.Equal("invalid_grant", refreshed.Error);
        Assert.Null(refreshed.AccessToken);
        var authorize = await browser.NavigateAsync(client.NewAuthorizationRequest().Url);
        Assert.False(Browser.IsRedirect(authorize), $"The old session still yields a code: {authorize.Headers.Location}");
        await SignInPage.ReadAsync(browser, authorize);
        var account = await AuditTrail.AccountOfAsync(factory, enrolled.User);
        Assert.Null(account.AuthenticatorSecret);
        Assert.Equal(0, await AuditTrail.UnusedBackupCodesOfAsync(factory, enrolled.User));
        Assert.Contains(await AuditTrail.EventsOfAsync(factory, enrolled.User), e => e is { Kind: "admin_reset_2fa", Outcome: "succeeded" });

        using var next = factory.NewBrowser();
        var enrolment = await EnrolmentPage.ReadAsync(next, await TwoFactorJourneys.PasswordAsync(next, client.NewAuthorizationRequest(), enrolled.User));
        Assert.NotEqual(enrolled.App.Secret, enrolment.Scan(factory.Clock).Secret);
    }

    [Fact]
    public async Task ResetOfAnUnknownEmailFailsWithOneErrorLine()
    {
        var result = await factory.AdminAsync("user", "reset-2fa", "--email", "nobody-" + Guid.NewGuid().ToString("N") + "@clinic.test");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error:", Assert.Single(result.ErrorLines), StringComparison.Ordinal);
        Assert.Empty(result.Output);
    }
}
