using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.PasswordReset;
using static ClinikoIdP.IntegrationTests.Email.PasswordResetSteps;

namespace ClinikoIdP.IntegrationTests.Email;

/// <summary>A reset link works once, for 30 minutes, only as sent and only while it is the newest; anything else gets one clear page.</summary>
public sealed class PasswordResetLinkTests(EmailIdpFactory factory) : IClassFixture<EmailIdpFactory>
{
    [Fact]
    public async Task ALinkWorksOnce()
    {
        var user = await Seed.UserAsync(factory);
        var link = await RequestLinkAsync(factory, user.Email);
        using var first = factory.NewBrowser();
        var page = await OpenLinkAsync(first, link);
        await EnrolmentPage.ReadAsync(first, await first.FollowAsync(await ChooseAsync(first, page, NewPassword)));

        using var second = factory.NewBrowser();
        Assert.Equal(UnusableHeading, (await OpenLinkAsync(second, link)).Heading);
        var again = await ChooseAsync(first, page, "another password entirely different");
        Assert.Equal(UnusableHeading, (await PageDocument.ReadAsync(again, PasswordResetRoutes.ResetPassword)).Heading);
        Assert.True(await PasswordWorksAsync(factory, user.Email, NewPassword));
    }

    [Fact]
    public async Task OpeningALinkDoesNotUseIt()
    {
        var user = await Seed.UserAsync(factory);
        var link = await RequestLinkAsync(factory, user.Email);

        using (var scanner = factory.NewBrowser())
        {
            var opened = await scanner.GetAsync(link);
            Assert.Equal(HttpStatusCode.SeeOther, opened.StatusCode);
            Assert.Equal(PasswordResetRoutes.ResetPassword, Browser.LocationOf(opened).AbsolutePath);
            Assert.DoesNotContain("token", Browser.LocationOf(opened).Query, StringComparison.OrdinalIgnoreCase);
        }

        using var browser = factory.NewBrowser();
        await EnrolmentPage.ReadAsync(browser, await ResetAsync(browser, link));
    }

    [Fact]
    public async Task AnExpiredLinkIsRefusedEvenWithItsPageOpen()
    {
        var user = await Seed.UserAsync(factory);
        var link = await RequestLinkAsync(factory, user.Email);
        using var browser = factory.NewBrowser();
        var page = await OpenLinkAsync(browser, link);

        factory.Clock.Advance(TimeSpan.FromMinutes(31));

        var submitted = await ChooseAsync(browser, page, NewPassword);
        Assert.Equal(UnusableHeading, (await PageDocument.ReadAsync(submitted, PasswordResetRoutes.ResetPassword)).Heading);
        using var later = factory.NewBrowser();
        Assert.Equal(UnusableHeading, (await OpenLinkAsync(later, link)).Heading);
        Assert.True(await PasswordWorksAsync(factory, user.Email, user.Password));
    }

    [Theory]
    [InlineData("change-one-character")]
    [InlineData("shorter")]
    [InlineData("longer")]
    [InlineData("garbage")]
    public async Task ATamperedLinkIsRefusedWithAClearPage(string tampering)
    {
        var user = await Seed.UserAsync(factory);
        var link = await RequestLinkAsync(factory, user.Email);
        var token = new Uri(link).Query.Split('&')[0]["?token=".Length..];
        var tampered = tampering switch
        {
            "change-one-character" => token[..^1] + (token[^1] == 'A' ? 'B' : 'A'),
            "shorter" => token[..^1],
            "longer" => token + "A",
            _ => "%00%3Cscript%3E" + new string('x', 5000),
        };

        using var browser = factory.NewBrowser();
        var page = await OpenLinkAsync(browser, $"{PasswordResetRoutes.ResetPassword}?token={tampered}");

        Assert.Equal(UnusableHeading, page.Heading);
        Assert.NotNull(page.Document.QuerySelector($"a[href='{PasswordResetRoutes.ForgotPassword}']"));
        Assert.Equal(UnusableHeading, (await OpenLinkAsync(browser, PasswordResetRoutes.ResetPassword)).Heading);
    }

    [Fact]
    public async Task ANewerLinkReplacesTheEarlierOne()
    {
        var user = await Seed.UserAsync(factory);
        var earlier = await RequestLinkAsync(factory, user.Email);
        var newer = await RequestLinkAsync(factory, user.Email);

        using var browser = factory.NewBrowser();
        Assert.Equal(UnusableHeading, (await OpenLinkAsync(browser, earlier)).Heading);
        await EnrolmentPage.ReadAsync(browser, await ResetAsync(browser, newer));
    }

    [Fact]
    public async Task AWeakOrMistypedPasswordIsRefusedWithTheRuleAndTheLinkStillWorks()
    {
        var user = await Seed.UserAsync(factory);
        var link = await RequestLinkAsync(factory, user.Email);
        using var browser = factory.NewBrowser();
        var page = await OpenLinkAsync(browser, link);

        var tooShort = await PageDocument.ReadAsync(await ChooseAsync(browser, page, "short"), PasswordResetRoutes.ResetPassword);
        Assert.Contains("12", tooShort.FieldError("Input.NewPassword"), StringComparison.Ordinal);
        var common = await PageDocument.ReadAsync(await ChooseAsync(browser, tooShort, "password1234"), PasswordResetRoutes.ResetPassword);
        Assert.NotEqual("", common.FieldError("Input.NewPassword"));
        var mistyped = await PageDocument.ReadAsync(await ChooseAsync(browser, common, NewPassword, NewPassword + "!"), PasswordResetRoutes.ResetPassword);
        Assert.Equal("The two passwords don't match.", mistyped.FieldError("Input.ConfirmPassword"));
        Assert.Equal("", mistyped.Document.QuerySelector("input[name='Input.NewPassword']")?.GetAttribute("value") ?? "");

        await EnrolmentPage.ReadAsync(browser, await browser.FollowAsync(await ChooseAsync(browser, mistyped, NewPassword)));
        Assert.True(await PasswordWorksAsync(factory, user.Email, NewPassword));
    }

    [Fact]
    public async Task TheResetPageLabelsItsFieldsForPasswordManagers()
    {
        var user = await Seed.UserAsync(factory);
        using var browser = factory.NewBrowser();
        var page = await OpenLinkAsync(browser, await RequestLinkAsync(factory, user.Email));

        foreach (var name in new[] { "Input.NewPassword", "Input.ConfirmPassword" })
        {
            var input = page.Document.QuerySelector($"input[name='{name}']")!;
            Assert.Equal("new-password", input.GetAttribute("autocomplete"));
            Assert.Equal("password", input.GetAttribute("type"));
            Assert.NotNull(page.Document.QuerySelector($"label[for='{input.Id}']"));
        }

        Assert.Equal(user.Email, page.Document.QuerySelector("input[autocomplete='username']")?.GetAttribute("value"));
        Assert.NotNull(page.Document.QuerySelector("input[name='__RequestVerificationToken']"));
    }
}
