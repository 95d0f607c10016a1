using System.Net;
using ClinikoIdP.Samples.Tests.Infrastructure;

namespace ClinikoIdP.Samples.Tests.Tokens;

/// <summary>The Appointments pages call the API with a fresh access token, refreshed through the IdP when it expired.</summary>
public sealed class AppointmentsTokenRefreshTests(AppointmentsFactory factory) : IClassFixture<AppointmentsFactory>
{
    [Fact]
    public async Task ExpiredAccessTokenIsRefreshedBeforeCallingTheApiAndSavedInTheCookie()
    {
        var browser = factory.CreateBrowser();
        await browser.GetAsync(TestSignIn.Url("sid-refresh", accessTokenExpired: true));

        using var first = await browser.GetAsync("/patients/1");
        using var second = await browser.GetAsync("/patients/1");

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains("Amelia Hart", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Single(factory.TokenEndpoint.Calls, call => call.Body!.Contains("refresh_token=refresh-1", StringComparison.Ordinal));
        Assert.All(factory.PatientRecordsApi.Calls.TakeLast(2), call => Assert.Equal("access-2", call.Request.Headers.Authorization?.Parameter));
    }
}
