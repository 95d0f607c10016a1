using System.Net;
using System.Text.Json;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.IntegrationTests.Oidc;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Faults;

public sealed class DatabaseOutageTests(OutageIdpFactory factory) : IClassFixture<OutageIdpFactory>
{
    [Fact]
    public async Task PagesAndEndpointsAnswer503DuringAnOutageAndTheSameSignInCompletesAfterwards()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        var client = await factory.StandardClientAsync();
        var unseenMachine = await Seed.MachineClientAsync(factory);
        var request = client.NewAuthorizationRequest();
        using var browser = factory.NewBrowser();
        var signIn = await SignInPage.ReadAsync(browser, await browser.NavigateAsync(request.Url));

        factory.Outage.Down = true;
        try
        {
            await UnavailableAnswers.AssertPageAsync(await signIn.SubmitAsync(enrolled.User.Email, enrolled.User.Password));
            await UnavailableAnswers.AssertJsonAsync(await unseenMachine.PostAsync("/connect/token",
                new() { ["grant_type"] = "client_credentials", ["scope"] = Seed.ApiScope }, ClientAuthentication.ClientSecretBasic));

            // The app and its scopes are in memory since the first request: the authorization request itself still
            // reaches the sign-in page, where the password (which needs the database) is refused with a 503 above.
            using var authorize = await browser.GetAsync(request.Url);
            Assert.Equal(HttpStatusCode.Found, authorize.StatusCode);
            Assert.StartsWith(Server.Features.SignIn.SignInRoutes.SignIn, Browser.LocationOf(authorize).AbsolutePath, StringComparison.Ordinal);
        }
        finally
        {
            factory.Outage.Down = false;
        }

        var password = await signIn.SubmitAsync(enrolled.User.Email, enrolled.User.Password);
        Assert.Equal(HttpStatusCode.SeeOther, password.StatusCode);
        var secondFactor = await SecondFactorPage.ReadAsync(browser, await browser.FollowAsync(password));

        factory.Outage.Down = true;
        try
        {
            await UnavailableAnswers.AssertPageAsync(await secondFactor.SubmitAsync(enrolled.App.Code()));
        }
        finally
        {
            factory.Outage.Down = false;
        }

        var accepted = await secondFactor.SubmitAsync(enrolled.App.Code());
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        var response = AuthorizationResponse.FromRedirect(await browser.FollowAsync(accepted));
        await TwoFactorJourneys.RedeemAsync(client, request, response);
    }

    [Fact]
    public async Task AFailureHalfWayThroughEnrolmentLeavesNoHalfEnrolledUser()
    {
        var client = await factory.StandardClientAsync();
        var interrupted = 0;
        for (var failing = 1; failing <= 20; failing++)
        {
            var user = await Seed.UserAsync(factory);
            using var browser = factory.NewBrowser();
            var enrolment = await EnrolmentPage.ReadAsync(browser, await TwoFactorJourneys.PasswordAsync(browser, client.NewAuthorizationRequest(), user));
            var app = enrolment.Scan(factory.Clock);

            factory.Outage.FailCommandNumber = failing;
            HttpResponseMessage confirmed;
            try
            {
                confirmed = await enrolment.SubmitAsync(app.Code());
            }
            finally
            {
                factory.Outage.FailCommandNumber = 0;
            }

            var (hasSecret, backupCodes) = await factory.QueryAsync(async db =>
            {
                var stored = await db.Users.AsNoTracking().SingleAsync(u => u.Email == user.Email);
                return (stored.AuthenticatorSecret is not null, await db.BackupCodes.CountAsync(c => c.UserId == stored.Id));
            });
            Assert.True(hasSecret == (backupCodes > 0),
                $"Failing command {failing} left a secret: {hasSecret}, backup codes: {backupCodes} ({(int)confirmed.StatusCode})");
            if (confirmed.StatusCode == HttpStatusCode.SeeOther)
            {
                break;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, confirmed.StatusCode);
            interrupted++;
        }

        Assert.True(interrupted > 1, "The confirmation should have been cut off at several points.");
    }
}
