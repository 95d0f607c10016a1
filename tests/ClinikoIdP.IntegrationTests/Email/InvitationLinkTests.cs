using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Invitations;
using ClinikoIdP.Server.Features.SignIn;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>What an invitation link lets through: once, in time, exactly as sent, and only with a password the rules accept.</summary>
public sealed class InvitationLinkTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task AnInvitationLinkWorksOnce()
    {
        var (invitee, link) = await InviteAsync();
        using var browser = factory.NewBrowser();
        await InvitationJourney.AcceptAndEnrolAsync(factory, browser, link, invitee);

        using var again = factory.NewBrowser();
        (await InvitationJourney.OpenAsync(again, link)).AssertUnusable();
    }

    [Fact]
    public async Task OfTwoTabsSubmittingTheSameLinkOnlyOneSetsThePassword()
    {
        var (invitee, link) = await InviteAsync();
        using var first = factory.NewBrowser();
        using var second = factory.NewBrowser();
        var firstPage = await InvitationJourney.OpenAsync(first, link);
        var secondPage = await InvitationJourney.OpenAsync(second, link);

        var won = await firstPage.SubmitAsync(invitee.Password);
        var lost = await secondPage.SubmitExpectingPageAsync("a different passphrase entirely");

        Assert.Equal(HttpStatusCode.SeeOther, won.StatusCode);
        lost.AssertUnusable();
        using var signIn = factory.NewBrowser();
        var response = await (await SignInPage.OpenAsync(signIn)).SubmitAsync(invitee.Email, invitee.Password);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
    }

    [Fact]
    public async Task AnExpiredInvitationLinkIsRefused()
    {
        var (_, link) = await InviteAsync();

        factory.Clock.Advance(TimeSpan.FromHours(72) + TimeSpan.FromMinutes(1));

        using var browser = factory.NewBrowser();
        (await InvitationJourney.OpenAsync(browser, link)).AssertUnusable();
    }

    [Fact]
    public async Task AnOpenedPageStopsWorkingOnceTheLinkExpires()
    {
        var (invitee, link) = await InviteAsync();
        using var browser = factory.NewBrowser();
        var page = await InvitationJourney.OpenAsync(browser, link);

        factory.Clock.Advance(TimeSpan.FromHours(73));

        (await page.SubmitExpectingPageAsync(invitee.Password)).AssertUnusable();
    }

    [Theory]
    [InlineData("change-one")]
    [InlineData("truncate")]
    [InlineData("extend")]
    [InlineData("huge")]
    public async Task ATamperedInvitationLinkIsRefused(string tampering)
    {
        var (_, link) = await InviteAsync();
        var token = link[InvitationJourney.LinkPrefix.Length..];
        var middle = token.Length / 2;
        var tampered = tampering switch
        {
            "change-one" => token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..],
            "truncate" => token[..^1],
            "extend" => token + "A",
            _ => new string('A', 4000),
        };

        using var browser = factory.NewBrowser();
        (await InvitationJourney.OpenAsync(browser, InvitationJourney.LinkPrefix + tampered)).AssertUnusable();
        Assert.True((await InvitationJourney.OpenAsync(browser, link)).ShowsForm, "The real link still works.");
    }

    [Theory]
    [InlineData("short", "at least 12 characters")]
    [InlineData("1qaz2wsx3edc", "common")]
    public async Task AWeakPasswordIsRefusedWithTheRuleAndTheLinkStillWorks(string password, string rule)
    {
        var (invitee, link) = await InviteAsync();
        using var browser = factory.NewBrowser();
        var page = await InvitationJourney.OpenAsync(browser, link);

        var refused = await page.SubmitExpectingPageAsync(password);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains(rule, refused.PasswordError, StringComparison.OrdinalIgnoreCase);
        Assert.True(refused.ShowsForm);
        var accepted = await refused.SubmitAsync(invitee.Password);
        Assert.Equal(HttpStatusCode.SeeOther, accepted.StatusCode);
        Assert.Equal(EnrolmentPage.Path, Browser.LocationOf(accepted).AbsolutePath);
    }

    [Fact]
    public async Task MismatchedPasswordsAreShownBesideTheSecondField()
    {
        var (invitee, link) = await InviteAsync();
        using var browser = factory.NewBrowser();

        var refused = await (await InvitationJourney.OpenAsync(browser, link)).SubmitExpectingPageAsync(invitee.Password, "something else entirely");

        Assert.Contains("don't match", refused.ConfirmError, StringComparison.Ordinal);
        Assert.True(refused.ShowsForm);
    }

    [Fact]
    public async Task OpeningTheLinkOnlyChecksItAndTakesTheTokenOutOfTheAddress()
    {
        var (invitee, link) = await InviteAsync();

        // A mail scanner fetches the link before the person does, without keeping cookies.
        using var scanner = factory.NewBackChannel();
        for (var i = 0; i < 3; i++)
        {
            var scanned = await scanner.GetAsync(new Uri(link));
            Assert.Equal(HttpStatusCode.SeeOther, scanned.StatusCode);
            Assert.Equal("/invitation", scanned.Headers.Location?.OriginalString);
        }

        using var browser = factory.NewBrowser();
        await InvitationJourney.AcceptAndEnrolAsync(factory, browser, link, invitee);
    }

    [Fact]
    public async Task WithoutAKeptLinkThePageExplainsInsteadOfFailing()
    {
        using var browser = factory.NewBrowser();

        var page = await InvitationPage.ReadAsync(browser, await browser.GetAsync(InvitationPage.Path));
        var posted = await browser.PostFormAsync(InvitationPage.Path, [new("Input.Password", "x"), new("Input.ConfirmPassword", "x")]);

        page.AssertUnusable();
        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
    }

    [Fact]
    public async Task AnInvitedAccountCannotSignInBeforeChoosingAPassword()
    {
        var (invitee, _) = await InviteAsync();
        using var browser = factory.NewBrowser();
        var signIn = await SignInPage.OpenAsync(browser);

        for (var attempt = 0; attempt < 6; attempt++)
        {
            var failed = await signIn.SubmitExpectingFailureAsync(invitee.Email, invitee.Password);
            Assert.Contains(SignInModel.FailedMessage, failed.ErrorSummary, StringComparison.Ordinal);
        }

        // Failures against an account that has no password never lock it, so the person can still accept.
        var user = await factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(u => u.Email == invitee.Email));
        Assert.Equal(0, user.AccessFailedCount);
        Assert.Null(user.LockoutEnd);
    }

    [Fact]
    public async Task ALockedInvitedAccountCannotBeAcceptedUntilUnlocked()
    {
        var (invitee, link) = await InviteAsync();
        using var browser = factory.NewBrowser();
        var opened = await InvitationJourney.OpenAsync(browser, link);

        await factory.AdminOkAsync("user", "lock", "--email", invitee.Email);
        var refused = await opened.SubmitExpectingPageAsync(invitee.Password);

        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Equal("This account is locked", refused.Heading);
        Assert.False(refused.ShowsForm);
        Assert.Null(await factory.QueryAsync(db => db.Users.Where(u => u.Email == invitee.Email).Select(u => u.PasswordHash).SingleAsync()));
        await factory.AdminOkAsync("user", "unlock", "--email", invitee.Email);
        await InvitationJourney.AcceptAndEnrolAsync(factory, browser, link, invitee);
    }

    /// <summary>
    /// Invites through the server's own service, so the link's times follow the server's fake clock (the command line
    /// runs on the real one, and these tests move the server's clock days ahead).
    /// </summary>
    private async Task<(TestUser Invitee, string Link)> InviteAsync()
    {
        var invitee = InvitationJourney.NewInvitee();
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffInvitations>()
                .InviteAsync(invitee.Email, invitee.Name, administrator: false, Inviter.CommandLine, CancellationToken.None);
        }

        return (invitee, await InvitationJourney.LinkAsync(factory, invitee.Email));
    }
}
