using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.PasswordReset;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>Without email configured, "Forgot password?" is still there and says plainly who resets passwords.</summary>
public sealed class PasswordResetWithoutEmailTests(IdpFactory factory) : IClassFixture<IdpFactory>
{
    [Fact]
    public async Task TheForgotPasswordPageSendsPeopleToTheirAdministrator()
    {
        using var browser = factory.NewBrowser();
        var signIn = await SignInPage.OpenAsync(browser);
        var href = signIn.Document.QuerySelectorAll("a").Single(a => a.TextContent.Trim() == "Forgot password?").GetAttribute("href")!;

        var page = await PageDocument.ReadAsync(await browser.GetAsync(href), PasswordResetRoutes.ForgotPassword);

        Assert.Contains("This clinic resets passwords through its administrator.", page.Document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Empty(page.Document.QuerySelectorAll("input[name='Input.Email']"));
    }

    [Fact]
    public async Task AResetLinkGetsTheClearPageNotAnError()
    {
        using var browser = factory.NewBrowser();

        var page = await PasswordResetSteps.OpenLinkAsync(browser, PasswordResetRoutes.ResetPassword + "?token=" + new string('A', 43));

        Assert.Equal(PasswordResetSteps.UnusableHeading, page.Heading);
    }
}
