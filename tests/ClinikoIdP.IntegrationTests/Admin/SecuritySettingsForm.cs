using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>The console's security settings page, driven through its form as an administrator would.</summary>
public static class SecuritySettingsForm
{
    public const string RequireTwoFactor = "Input.RequireTwoFactor";
    public const string IdleTimeoutMinutes = "Input.IdleTimeoutMinutes";
    public const string AbsoluteLifetimeHours = "Input.AbsoluteLifetimeHours";
    public const string LockoutThreshold = "Input.LockoutThreshold";

    public static async Task<(PageDocument Page, HtmlForm Form)> OpenAsync(AdminConsole console)
    {
        var page = await console.OpenAsync(AdminRoutes.Settings);
        return (page, page.FormWith($"input[name='{LockoutThreshold}']"));
    }

    /// <summary>Opens the page, changes the form and saves it; returns the page shown after the 303.</summary>
    public static async Task<PageDocument> SaveAsync(AdminConsole console, Action<HtmlForm> change)
    {
        var (_, form) = await OpenAsync(console);
        change(form);
        return await console.SubmitAndFollowAsync(form, AdminRoutes.Settings);
    }

    /// <summary>Ticks or clears the checkbox (the first value is the one model binding reads).</summary>
    public static HtmlForm RequiringTwoFactor(this HtmlForm form, bool on) => form.Set(RequireTwoFactor, on ? "true" : "false");

    /// <summary>Signs a new administrator in and switches "Require two-step verification for all users" on or off.</summary>
    public static async Task SwitchRequireTwoFactorAsync(IdpFactory factory, bool on)
    {
        using var console = await AdminConsole.SignInAsync(factory);
        await SaveAsync(console, form => form.RequiringTwoFactor(on));
    }

    public static bool IsChecked(PageDocument page) =>
        page.Document.QuerySelector($"input[type='checkbox'][name='{RequireTwoFactor}']")?.HasAttribute("checked") == true;

    /// <summary>"default" or "changed", as the page marks where a setting's value comes from.</summary>
    public static string OriginOf(PageDocument page, string setting) =>
        page.Document.QuerySelector($"[data-setting='{setting}'] .setting-origin")?.GetAttribute("data-origin") ?? "";

    public static string OriginTextOf(PageDocument page, string setting) =>
        page.Document.QuerySelector($"[data-setting='{setting}'] .setting-origin")?.TextContent.Trim() ?? "";

    public static string ValueInForce(PageDocument page, string setting) =>
        page.Document.QuerySelector($"[data-setting='{setting}'] .setting-origin [data-value]")?.TextContent.Trim() ?? "";

    /// <summary>Puts every setting back to its configured default (no rows), for a test that starts from them.</summary>
    public static Task ResetAsync(IdpFactory factory) =>
        factory.QueryAsync(db => db.OrganisationSettings.ExecuteDeleteAsync());
}
