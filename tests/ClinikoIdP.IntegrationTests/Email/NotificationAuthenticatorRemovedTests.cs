using System.Net;
using AngleSharp.Html.Dom;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.SecurityEvents;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>
/// Issue 10, item 4: turning two-step verification off (possible only where the clinic does not require it) is
/// emailed to the account's owner. A class of its own: it relaxes the policy for its whole server.
/// </summary>
public sealed class NotificationAuthenticatorRemovedTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task TurningTwoStepVerificationOffTellsTheOwner()
    {
        var enrolled = await TwoFactorJourneys.EnrolNewUserAsync(factory);
        await SecuritySettingsForm.SwitchRequireTwoFactorAsync(factory, on: false);
        using var browser = factory.NewBrowser();
        await TwoFactorJourneys.SignInWithCodeAsync(browser, (await factory.StandardClientAsync()).NewAuthorizationRequest(),
            enrolled.User, enrolled.App.Code());
        var mySecurity = await PageDocument.ReadAsync(await browser.GetAsync("/my-security"), "/my-security");
        var remove = HtmlForm.Read(mySecurity.Document.Forms.OfType<IHtmlFormElement>()
            .Single(f => f.GetAttribute("action")!.Contains("handler=Remove", StringComparison.Ordinal)), mySecurity.Uri);

        Assert.Equal(HttpStatusCode.SeeOther, (await remove.SubmitAsync(browser)).StatusCode);

        await NotificationMail.ReceiveAsync(factory, enrolled.User.Email, "Two-step verification was turned off",
            "Two-step verification was turned off for your account",
            "Signing in now needs only your password.",
            await NotificationMail.WhenLineAsync(factory, enrolled.User.Email, SecurityEventKinds.AuthenticatorRemoved),
            "If this wasn't you, someone has signed in to your account");
    }
}
