using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Admin.Staff;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// Resetting a staff member's two-step verification from the console has exactly the effect of
/// <c>admin user reset-2fa</c>, under the product's default policy (a second factor at every sign-in).
/// </summary>
public class StaffTwoFactorResetTests(AlwaysTwoFactorIdpFactory factory) : IClassFixture<AlwaysTwoFactorIdpFactory>
{
    [Fact]
    public async Task ResetSaysWhatHappensThenSendsTheUserToEnrolmentAndKillsTheirTokens()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        using var browser = factory.NewBrowser();
        var request = client.NewAuthorizationRequest();
        var signedIn = await TwoFactorJourneys.SignInWithCodeAsync(browser, request, enrolled.User, enrolled.App.Code());
        var (tokens, _) = await TwoFactorJourneys.RedeemAsync(client, request, AuthorizationResponse.FromRedirect(signedIn));
        var userId = await StaffConsole.UserIdAsync(factory, enrolled.User.Email);

        var confirm = await console.OpenAsync(StaffRoutes.ResetTwoFactor(userId));
        var explained = confirm.Document.QuerySelector("[data-confirm='reset-2fa']")!.TextContent;
        Assert.Contains("backup codes are deleted", explained, StringComparison.Ordinal);
        Assert.Contains("signed out of ClinikoIdP on every computer", explained, StringComparison.Ordinal);
        Assert.Contains("apps' tokens are revoked", explained, StringComparison.Ordinal);
        Assert.Contains("set up an authenticator app again", explained, StringComparison.Ordinal);
        var member = await console.SubmitAndFollowAsync(confirm.FormWith("[data-action='confirm-reset-2fa']"), StaffRoutes.Member(userId));

        Assert.Contains("Two-step verification is reset", AdminConsole.Flash(member), StringComparison.Ordinal);
        Assert.NotNull(member.Document.QuerySelector("[data-badge='2fa-off']"));
        await StaffConsole.AssertAuditedAsync(console, userId, SecurityEventKinds.AdminReset2fa);
        Assert.Null((await AuditTrail.AccountOfAsync(factory, enrolled.User)).AuthenticatorSecret);
        Assert.Equal(0, await AuditTrail.UnusedBackupCodesOfAsync(factory, enrolled.User));
        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
        Assert.False(await StaffConsole.IsSignedInAsync(browser));

        using var next = factory.NewBrowser();
        var enrolment = await EnrolmentPage.ReadAsync(next, await TwoFactorJourneys.PasswordAsync(next, client.NewAuthorizationRequest(), enrolled.User));
        Assert.NotEqual(enrolled.App.Secret, enrolment.Scan(factory.Clock).Secret);
    }
}
