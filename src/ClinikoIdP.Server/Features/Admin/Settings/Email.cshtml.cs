using System.Globalization;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.AccountNotifications;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.Email;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.Admin.Settings;

/// <summary>
/// The administrator's view of email: how the server reaches its mail server (never the password), the outbox at a
/// glance, and a test message to the administrator's own address. With email off, what to configure.
/// </summary>
public sealed class EmailSettingsModel(
    IOptions<EmailOptions> options,
    EmailOutbox outbox,
    IdpDbContext db,
    UserManager<ClinicUser> users,
    AdminAudit audit,
    TimeProvider time,
    ILogger<EmailSettingsModel> logger) : PageModel
{
    public EmailOptions Settings => options.Value;

    public string Brand => outbox.Brand;

    /// <summary>The zone messages give times in; null when <c>Email:TimeZone</c> names no zone this server knows.</summary>
    public string? TimeZoneName { get; private set; }

    public EmailOutboxStatus Outbox { get; private set; } = new(0, 0, 0, null);

    public string AdministratorEmail { get; private set; } = "";

    public string MailServer => string.Create(CultureInfo.InvariantCulture, $"{Settings.Smtp.Host}:{Settings.Smtp.Port}");

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        var administrator = await users.GetUserAsync(User);
        if (administrator?.Email is not { Length: > 0 } address)
        {
            return Forbid();
        }

        var when = NotificationTime.Resolve(Settings.TimeZone) is { } zone
            ? NotificationTime.Format(time.GetUtcNow(), zone.Zone, zone.Name)
            : NotificationTime.Format(time.GetUtcNow(), TimeZoneInfo.Utc, NotificationTime.Utc);
        if (!await outbox.EnqueueAsync(EmailKinds.Test, administrator, address, EmailTestMessage.Compose(when, MailServer), cancellationToken))
        {
            ModelState.AddModelError(string.Empty, "Email is off, so there is nothing to test yet: set the keys below and restart ClinikoIdP.");
            await LoadAsync(cancellationToken);
            return Page();
        }

        await audit.WriteAsync(SecurityEventKinds.AdminTestEmailSent, detail: $"queued a test message to {address}");
        Log.TestEmailQueued(logger, administrator.Id);
        AdminFlash.Set(TempData, $"A test message is on its way to {address}. It should arrive within a minute; if it doesn't, the outbox below says why.");
        return new SeeOtherResult(AdminRoutes.Email);
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        TimeZoneName = NotificationTime.Resolve(Settings.TimeZone)?.Name;
        Outbox = await EmailOutboxStatus.ReadAsync(db, time.GetUtcNow(), cancellationToken);
        AdministratorEmail = (await users.GetUserAsync(User))?.Email ?? "";
    }
}
