using System.Net;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.RememberedComputers;

namespace ClinikoIdP.IntegrationTests.RememberedComputers;

/// <summary>The person's "Remembered computers" page, read and used as they would.</summary>
public sealed class MyComputersPage
{
    private readonly Browser browser;

    private MyComputersPage(Browser browser, PageDocument page)
    {
        this.browser = browser;
        Page = page;
    }

    public PageDocument Page { get; }

    public IReadOnlyList<string> Ids => [.. Page.Document.QuerySelectorAll("tr[data-computer]").Select(r => r.GetAttribute("data-computer")!)];

    public string? ThisComputerId =>
        Page.Document.QuerySelector("[data-this-computer]")?.Closest("tr")?.GetAttribute("data-computer");

    public string Notice => Page.Document.QuerySelector(".notice[role='status']")?.TextContent.Trim() ?? "";

    public static async Task<MyComputersPage> OpenAsync(Browser browser, string query = "") =>
        new(browser, await PageDocument.ReadAsync(await browser.NavigateAsync(RememberedComputerRoutes.MyComputers + query), RememberedComputerRoutes.MyComputers));

    /// <summary>"Forget…" on one computer, then the confirmation; returns the page shown after the 303.</summary>
    public async Task<MyComputersPage> ForgetAsync(string id)
    {
        var confirming = await OpenAsync(browser, "?confirm=" + id);
        var form = confirming.Page.FormWith("[data-action='confirm-forget']");
        return await SubmitAsync(form);
    }

    public async Task<MyComputersPage> ForgetAllAsync()
    {
        var confirming = await OpenAsync(browser, "?confirm=all");
        return await SubmitAsync(confirming.Page.FormWith("[data-action='confirm-forget-all']"));
    }

    private async Task<MyComputersPage> SubmitAsync(HtmlForm form)
    {
        var response = await form.SubmitAsync(browser);
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return new(browser, await PageDocument.ReadAsync(await browser.FollowAsync(response), RememberedComputerRoutes.MyComputers));
    }
}
