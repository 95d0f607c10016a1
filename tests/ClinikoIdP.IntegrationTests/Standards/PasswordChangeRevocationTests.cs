using System.Net;
using AngleSharp.Html.Dom;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.MySecurity;

namespace ClinikoIdP.IntegrationTests.Standards;

/// <summary>
/// RFC 9700 §4.14.2 and NIST SP 800-63B-4 §5.1.1.2: a password change ends the other sessions and revokes every refresh
/// token the account holds. (2FA reset: <see cref="TwoFactor.TwoFactorResetTests"/>; logout: <see cref="Flow.EndSessionTests"/>.)
/// </summary>
public class PasswordChangeRevocationTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task PasswordChangeRevokesRefreshTokensAndEndsOtherSessions()
    {
        var (user, client) = (await Seed.UserAsync(factory), await factory.StandardClientAsync());
        using var here = factory.NewBrowser();
        using var elsewhere = factory.NewBrowser();
        var tokens = await Journeys.SignInForTokensAsync(here, client, user);
        var otherTokens = await Journeys.SignInForTokensAsync(elsewhere, client, user);

        var response = await ChangePasswordAsync(here, user.Password, user.Password + " renewed");

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal("invalid_grant", (await client.RefreshAsync(tokens.RefreshToken!)).Error);
        Assert.Equal("invalid_grant", (await client.RefreshAsync(otherTokens.RefreshToken!)).Error);
        Assert.Equal("login_required", (await Journeys.AuthorizeAsync(elsewhere, client.NewAuthorizationRequest().With("prompt", "none"))).Error);
        Assert.NotNull((await Journeys.AuthorizeAsync(here, client.NewAuthorizationRequest().With("prompt", "none"))).Code);
    }

    private static async Task<HttpResponseMessage> ChangePasswordAsync(Browser browser, string current, string next)
    {
        var page = await browser.NavigateAsync(ChangePasswordModel.Route);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var document = await Browser.ParseAsync(page);
        var form = document.Forms.OfType<IHtmlFormElement>().Single(f => f.QuerySelector("input[name='Input.NewPassword']") is not null);
        return await HtmlForm.Read(form, page.RequestMessage!.RequestUri!)
            .Set("Input.CurrentPassword", current).Set("Input.NewPassword", next).Set("Input.ConfirmPassword", next)
            .SubmitAsync(browser);
    }
}
