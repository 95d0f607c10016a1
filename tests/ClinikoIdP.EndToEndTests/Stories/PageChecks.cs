using ClinikoIdP.EndToEndTests.Infrastructure;
using Microsoft.Playwright;

namespace ClinikoIdP.EndToEndTests.Stories;

/// <summary>Checks that apply to every page a person signs in through.</summary>
public static class PageChecks
{
    private const string UnlabelledFields = """
        () => Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
            .filter(field => !Array.from(field.labels ?? []).some(label => label.textContent.trim().length > 0)
                && !(field.getAttribute('aria-label') ?? '').trim()
                && !(field.getAttribute('aria-labelledby') ?? '').split(' ').some(id => document.getElementById(id)?.textContent.trim()))
            .map(field => field.name || field.id || field.outerHTML)
        """;

    private const string FormsWithoutSubmitButton = """
        () => Array.from(document.forms)
            .filter(form => !form.querySelector('button[type=submit]'))
            .map(form => form.outerHTML.slice(0, 120))
        """;

    private const string HorizontalOverflow =
        "() => document.documentElement.scrollWidth - document.documentElement.clientWidth";

    /// <summary>Labels (or an accessible name), submit buttons, image alternatives, a language, and no sideways scrolling at the current width.</summary>
    public static async Task AssertAccessibleAsync(IPage page)
    {
        Assert.Empty(await page.EvaluateAsync<string[]>(UnlabelledFields));
        Assert.Empty(await page.EvaluateAsync<string[]>(FormsWithoutSubmitButton));
        Assert.Equal(0, await page.Locator("img:not([alt]), img[alt='']").CountAsync());
        Assert.False(string.IsNullOrWhiteSpace(await page.Locator("html").GetAttributeAsync("lang")));
        await AssertNoSidewaysScrollAsync(page);
    }

    /// <summary>Checks the page at a phone's width, then puts the viewport back.</summary>
    public static async Task AssertFitsPhoneAsync(IPage page)
    {
        var original = page.ViewportSize;
        await page.SetViewportSizeAsync(BrowserFixture.Mobile.Width, BrowserFixture.Mobile.Height);
        await AssertNoSidewaysScrollAsync(page);
        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }

    /// <summary>Checks the page at a tablet's width (the admin console's smallest), then puts the viewport back.</summary>
    public static async Task AssertFitsTabletAsync(IPage page)
    {
        var original = page.ViewportSize;
        await page.SetViewportSizeAsync(BrowserFixture.Tablet.Width, BrowserFixture.Tablet.Height);
        await AssertNoSidewaysScrollAsync(page);
        if (original is not null)
        {
            await page.SetViewportSizeAsync(original.Width, original.Height);
        }
    }

    private static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<int>(HorizontalOverflow);
        Assert.True(overflow <= 0, $"{page.Url} scrolls sideways by {overflow}px at {page.ViewportSize?.Width}px wide.");
    }
}
