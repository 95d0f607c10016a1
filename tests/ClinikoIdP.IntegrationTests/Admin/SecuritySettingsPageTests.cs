using System.Net;
using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.IntegrationTests.Infrastructure;
using ClinikoIdP.Server.Features.Admin;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.EntityFrameworkCore;
using static ClinikoIdP.IntegrationTests.Admin.SecuritySettingsForm;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// Issue 4, item 5: the settings page shows each setting with its value and where it comes from, refuses values outside
/// the limits with field errors, and saves only what changed as one audit event (old → new).
/// </summary>
public class SecuritySettingsPageTests(IdpFactory factory) : IClassFixture<IdpFactory>, IAsyncLifetime
{
    public Task InitializeAsync() => ResetAsync(factory);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ShowsEachSettingWithItsDefaultFromTheConfiguration()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (page, form) = await OpenAsync(console);

        Assert.False(IsChecked(page));
        Assert.Equal("60", form[IdleTimeoutMinutes]);
        Assert.Equal("8", form[AbsoluteLifetimeHours]);
        Assert.Equal("5", form[LockoutThreshold]);
        Assert.All(SecuritySettingNames.All, name => Assert.Equal("default", OriginOf(page, name)));
        Assert.Equal("off", ValueInForce(page, SecuritySettingNames.RequireTwoFactor));
        Assert.Equal("1 hour", ValueInForce(page, SecuritySettingNames.SessionIdleTimeout));
        Assert.Contains("TwoFactor:Enforcement", OriginTextOf(page, SecuritySettingNames.RequireTwoFactor), StringComparison.Ordinal);
        Assert.Contains("IdP:SessionIdleTimeout", OriginTextOf(page, SecuritySettingNames.SessionIdleTimeout), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SavingWritesOneAuditEventListingEachChangeAndShowsWhoChangedIt()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var page = await SaveAsync(console, form => form.Set(IdleTimeoutMinutes, "30").Set(LockoutThreshold, "7"));

        Assert.Contains("Session idle timeout: 1 hour → 30 minutes", AdminConsole.Flash(page), StringComparison.Ordinal);
        Assert.Equal("changed", OriginOf(page, SecuritySettingNames.SessionIdleTimeout));
        Assert.Equal("changed", OriginOf(page, SecuritySettingNames.LockoutThreshold));
        Assert.Equal("default", OriginOf(page, SecuritySettingNames.SessionAbsoluteLifetime));
        Assert.Contains($"Changed by {console.Admin.User.Name}", OriginTextOf(page, SecuritySettingNames.SessionIdleTimeout), StringComparison.Ordinal);
        Assert.Equal("30 minutes", ValueInForce(page, SecuritySettingNames.SessionIdleTimeout));

        var audit = Assert.Single(await SettingsEventsByAsync(console));
        Assert.Equal(SecurityEventOutcomes.Succeeded, audit.Outcome);
        Assert.Equal("Session idle timeout: 1 hour → 30 minutes; Lockout threshold: 5 attempts → 7 attempts", audit.Detail);
    }

    [Fact]
    public async Task SavingWithoutAChangeWritesNothing()
    {
        using var console = await AdminConsole.SignInAsync(factory);

        var page = await SaveAsync(console, _ => { });

        Assert.Contains("Nothing to save", AdminConsole.Flash(page), StringComparison.Ordinal);
        Assert.Empty(await SettingsEventsByAsync(console));
        Assert.Equal(0, await factory.QueryAsync(db => db.OrganisationSettings.CountAsync()));
    }

    [Fact]
    public async Task ValuesOutsideTheLimitsGetFieldErrorsAndNothingIsSaved()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (_, form) = await OpenAsync(console);

        var response = await console.SubmitAsync(form.RequiringTwoFactor(true)
            .Set(IdleTimeoutMinutes, "2").Set(AbsoluteLifetimeHours, "721").Set(LockoutThreshold, "50"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await PageDocument.ReadAsync(response, AdminRoutes.Settings);
        Assert.Equal("Choose between 5 minutes and 12 hours.", page.FieldError(IdleTimeoutMinutes));
        Assert.Equal("Choose between 1 hour and 30 days.", page.FieldError(AbsoluteLifetimeHours));
        Assert.Equal("Choose between 3 and 20 attempts.", page.FieldError(LockoutThreshold));
        await AssertNothingSavedAsync(console);
    }

    [Fact]
    public async Task AnIdleTimeoutLongerThanTheLifetimeIsRefused()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (_, form) = await OpenAsync(console);

        var page = await PageDocument.ReadAsync(await console.SubmitAsync(form.Set(IdleTimeoutMinutes, "600")), AdminRoutes.Settings);

        Assert.Equal("The idle timeout can't be longer than the session lifetime (8 hours).", page.FieldError(IdleTimeoutMinutes));
        await AssertNothingSavedAsync(console);
    }

    [Fact]
    public async Task AnUnreadableOrMissingNumberIsExplained()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (_, form) = await OpenAsync(console);

        var page = await PageDocument.ReadAsync(
            await console.SubmitAsync(form.Set(IdleTimeoutMinutes, "soon").Set(LockoutThreshold, "")), AdminRoutes.Settings);

        Assert.Contains("whole number of minutes", page.FieldError(IdleTimeoutMinutes), StringComparison.Ordinal);
        Assert.Contains("whole number of attempts", page.FieldError(LockoutThreshold), StringComparison.Ordinal);
        await AssertNothingSavedAsync(console);
    }

    [Fact]
    public async Task ASaveOverAnotherAdministratorsChangeIsRefusedAndShowsTheirValues()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        using var other = await AdminConsole.SignInAsync(factory);
        var (_, stale) = await OpenAsync(console);
        await SaveAsync(other, form => form.Set(LockoutThreshold, "4"));

        var page = await PageDocument.ReadAsync(await console.SubmitAsync(stale.Set(IdleTimeoutMinutes, "20")), AdminRoutes.Settings);

        Assert.Contains("Another administrator changed these settings", page.Document.QuerySelector(".error-summary")?.TextContent, StringComparison.Ordinal);
        Assert.Equal("4", page.FormWith($"input[name='{LockoutThreshold}']")[LockoutThreshold]);
        Assert.Equal("60", page.FormWith($"input[name='{IdleTimeoutMinutes}']")[IdleTimeoutMinutes]);
        Assert.Empty(await SettingsEventsByAsync(console));
        Assert.Single(await SettingsEventsByAsync(other));
    }

    [Fact]
    public async Task APostWithoutTheAntiforgeryTokenIsRefused()
    {
        using var console = await AdminConsole.SignInAsync(factory);
        var (_, form) = await OpenAsync(console);

        var response = await console.SubmitAsync(form.Remove("__RequestVerificationToken").RequiringTwoFactor(true));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await AssertNothingSavedAsync(console);
    }

    /// <summary>The settings events written by one administrator (the actor), each test having its own.</summary>
    private Task<List<SecurityEventRecord>> SettingsEventsByAsync(AdminConsole console) => factory.QueryAsync(async db =>
    {
        var adminId = await db.Users.Where(u => u.Email == console.Admin.User.Email).Select(u => u.Id).SingleAsync();
        return await db.SecurityEvents.AsNoTracking()
            .Where(e => e.Kind == SecurityEventKinds.AdminSettingsChanged && e.ActorId == adminId).ToListAsync();
    });

    private async Task AssertNothingSavedAsync(AdminConsole console)
    {
        Assert.Equal(0, await factory.QueryAsync(db => db.OrganisationSettings.CountAsync()));
        Assert.Empty(await SettingsEventsByAsync(console));
    }
}
