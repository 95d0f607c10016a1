using System.Net;
using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.IntegrationTests.Admin;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;
using static ClinikoIdP.IntegrationTests.Admin.SecuritySettingsForm;

namespace ClinikoIdP.IntegrationTests.RememberedComputers;

/// <summary>
/// Issue 9, the console: "Sign in with a passkey alone", "Allow staff to remember a computer" (with its warning) and
/// the number of days, off and 30 by default; saving any one setting keeps the others.
/// </summary>
public class RememberedComputerSettingsTests(IdpFactory factory) : IClassFixture<IdpFactory>, IAsyncLifetime
{
    public const string PasswordlessPasskeys = "Input.PasswordlessPasskeys";
    public const string RememberComputers = "Input.RememberComputers";
    public const string RememberComputerDays = "Input.RememberComputerDays";

    public Task InitializeAsync() => ResetAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsTheNewSettingsOffAndThirtyDaysByDefaultWithTheSharedComputerWarning()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (page, form) = await OpenAsync(console);

        Assert.Equal("false", form[PasswordlessPasskeys]);
        Assert.Equal("false", form[RememberComputers]);
        Assert.Equal("30", form[RememberComputerDays]);
        Assert.Equal("off", ValueInForce(page, SecuritySettingNames.RememberComputers));
        Assert.Equal("30 days", ValueInForce(page, SecuritySettingNames.RememberComputerDays));
        Assert.Contains("RememberComputers:Enabled", OriginTextOf(page, SecuritySettingNames.RememberComputers), StringComparison.Ordinal);
        Assert.Contains("Passkeys:AllowPasswordless", OriginTextOf(page, SecuritySettingNames.PasswordlessPasskeys), StringComparison.Ordinal);
        Assert.Contains("Never on shared computers", page.Document.QuerySelector("[data-warning='shared-computers']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TurningRememberingOnIsSavedAndAuditedAndSavingAnotherSettingKeepsIt()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var page = await SaveAsync(console, form => form.Set(RememberComputers, "true").Set(RememberComputerDays, "14").Set(PasswordlessPasskeys, "true"));
        Assert.Contains("Allow remembering computers: off → on", AdminConsole.Flash(page), StringComparison.Ordinal);
        Assert.Contains("Days a computer is remembered: 30 days → 14 days", AdminConsole.Flash(page), StringComparison.Ordinal);

        page = await SaveAsync(console, form => form.Set(LockoutThreshold, "9"));

        Assert.Equal("on", ValueInForce(page, SecuritySettingNames.RememberComputers));
        Assert.Equal("14 days", ValueInForce(page, SecuritySettingNames.RememberComputerDays));
        Assert.Equal("on", ValueInForce(page, SecuritySettingNames.PasswordlessPasskeys));
        var audit = await factory.QueryAsync(db => db.SecurityEvents.Where(e => e.Kind == SecurityEventKinds.AdminSettingsChanged).OrderBy(e => e.Id).ToListAsync());
        Assert.Equal("Lockout threshold: 5 attempts → 9 attempts", audit[^1].Detail);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("91")]
    [InlineData("many")]
    [InlineData("")]
    public async Task DaysOutsideOneToNinetyGetAFieldErrorAndNothingIsSaved(string days)
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (_, form) = await OpenAsync(console);

        var response = await console.SubmitAsync(form.Set(RememberComputers, "true").Set(RememberComputerDays, days));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageDocument.ReadAsync(response, AdminRoutes.Settings);
        Assert.Matches("1 (and|to) 90", page.FieldError(RememberComputerDays));
        Assert.Equal(0, await factory.QueryAsync(db => db.OrganisationSettings.CountAsync()));
    }
}

/// <summary>The defaults come from the configuration: <c>Passkeys:AllowPasswordless</c>, <c>RememberComputers:Enabled</c> and <c>:Days</c>.</summary>
public class RememberedComputerConfiguredDefaultsTests(RememberedComputerConfiguredDefaultsTests.Factory factory)
    : IClassFixture<RememberedComputerConfiguredDefaultsTests.Factory>
{
    [Fact]
    public async Task TheConsoleShowsTheConfiguredDefaults()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (page, form) = await OpenAsync(console);

        Assert.Equal("true", form[RememberedComputerSettingsTests.PasswordlessPasskeys]);
        Assert.Equal("true", form[RememberedComputerSettingsTests.RememberComputers]);
        Assert.Equal("12", form[RememberedComputerSettingsTests.RememberComputerDays]);
        Assert.Equal("default", OriginOf(page, SecuritySettingNames.RememberComputerDays));
    }

    public sealed class Factory() : IdpFactory(Authentication.Policy.TwoFactorEnforcement.WhenRequested, new Dictionary<string, string?>
    {
        ["Passkeys:AllowPasswordless"] = "true",
        ["RememberComputers:Enabled"] = "true",
        ["RememberComputers:Days"] = "12",
    });
}
