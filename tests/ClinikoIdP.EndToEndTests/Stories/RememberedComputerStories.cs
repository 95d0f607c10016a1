using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.EndToEndTests.Infrastructure;
using ClinikoIdP.EndToEndTests.Pages;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>
/// Issue 9: a staff member at their own desk ticks "Remember this computer", so their next sign-in there asks only for
/// the password; another browser is still asked for the code; forgetting the computer from elsewhere takes effect at
/// its next sign-in.
/// </summary>
public sealed class RememberedComputerStories(BrowserFixture fixture) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task RememberedComputerSkipsTheCodeUntilItIsForgottenFromAnotherBrowser()
    {
        await AllowRememberingComputersAsync();
        var enrolled = await Journeys.EnrolNewStaffMemberAsync(fixture);
        lastCodes[enrolled.TotpSecret] = IndependentTotp.Code(enrolled.TotpSecret, DateTimeOffset.UtcNow);

        // At their own desk: password, code, and the box ticked.
        var desk = await fixture.NewPageAsync();
        var first = fixture.App.NewSignInRequest();
        var firstCallback = await fixture.App.ExpectCallbackAsync(desk);
        await (await SignInPage.OpenAsync(desk, first)).SubmitAsync(enrolled.Member);
        var twoFactor = await TwoFactorPage.ExpectAsync(desk);
        var remember = desk.GetByRole(AriaRole.Checkbox, new() { Name = "Remember this computer for 30 days" });
        await Expect(remember).Not.ToBeCheckedAsync();
        await remember.CheckAsync();
        await twoFactor.SubmitAsync(await FreshCodeAsync(enrolled));
        await fixture.App.RedeemAsync(firstCallback, first);
        await SignOutAsync(desk);

        // Later, same desk: the password only.
        var second = fixture.App.NewSignInRequest();
        var secondCallback = await fixture.App.ExpectCallbackAsync(desk);
        await (await SignInPage.OpenAsync(desk, second)).SubmitAsync(enrolled.Member);
        var idToken = await fixture.App.RedeemAsync(secondCallback, second);
        Assert.Equal(["pwd", "rem"], idToken.Amr.Order(StringComparer.Ordinal));
        await SignOutAsync(desk);

        // Another browser is asked for the code; there the person forgets the desk computer.
        var laptop = await fixture.NewPageAsync();
        var third = fixture.App.NewSignInRequest();
        var thirdCallback = await fixture.App.ExpectCallbackAsync(laptop);
        await (await SignInPage.OpenAsync(laptop, third)).SubmitAsync(enrolled.Member);
        await (await TwoFactorPage.ExpectAsync(laptop)).SubmitAsync(await FreshCodeAsync(enrolled));
        await fixture.App.RedeemAsync(thirdCallback, third);
        await laptop.GotoAsync("/my-security");
        await laptop.GetByRole(AriaRole.Link, new() { Name = "See remembered computers" }).ClickAsync();
        await Expect(laptop.Locator("tr[data-computer]")).ToHaveCountAsync(1);
        await Expect(laptop.Locator("[data-this-computer]")).ToHaveCountAsync(0);
        await laptop.GetByRole(AriaRole.Link, new() { Name = "Forget…" }).ClickAsync();
        await laptop.GetByRole(AriaRole.Button, new() { Name = "Forget this computer" }).ClickAsync();
        await Expect(laptop.Locator("[data-no-computers]")).ToBeVisibleAsync();

        // Back at the desk: the code is asked again.
        await (await SignInPage.OpenAsync(desk, fixture.App.NewSignInRequest())).SubmitAsync(enrolled.Member);
        await TwoFactorPage.ExpectAsync(desk);
    }

    private async Task AllowRememberingComputersAsync()
    {
        await using var scope = fixture.Server.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<IdpDbContext>();
        if (!await db.OrganisationSettings.AnyAsync(s => s.Name == SecuritySettingNames.RememberComputers))
        {
            db.OrganisationSettings.Add(new OrganisationSettingRecord
            {
                Name = SecuritySettingNames.RememberComputers,
                Value = "true",
                UpdatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
    }

    /// <summary>A code of a time step not used yet (a code works once only).</summary>
    private static async Task<string> FreshCodeAsync(EnrolledStaffMember enrolled)
    {
        var now = DateTimeOffset.UtcNow;
        var last = lastCodes.GetValueOrDefault(enrolled.TotpSecret);
        if (last is not null && IndependentTotp.Code(enrolled.TotpSecret, now) == last)
        {
            await Task.Delay(TimeSpan.FromSeconds(30 - (now.ToUnixTimeSeconds() % 30) + 1));
            now = DateTimeOffset.UtcNow;
        }

        var code = IndependentTotp.Code(enrolled.TotpSecret, now);
        lastCodes[enrolled.TotpSecret] = code;
        return code;
    }

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/signout");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/signed-out"));
    }

    private static readonly Dictionary<string, string> lastCodes = [];
}
