using System.Globalization;
using ClinikoIdP.Authentication.Settings;
using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.OrganisationSettings;
using ClinikoIdP.Server.Features.SecurityEvents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace ClinikoIdP.Server.Features.Admin.Settings;

/// <summary>
/// The organisation's security settings: each with its value, where the value comes from and what it does. Saving
/// writes only what changed, as one audit event listing each change (old → new).
/// </summary>
public sealed class SecuritySettingsModel(
    OrganisationSecurity security,
    OrganisationSettingsWriter writer,
    AdminAudit audit,
    UserManager<ClinicUser> users,
    IdpDbContext db) : PageModel
{
    private static readonly Dictionary<string, string> DefaultSources = new(StringComparer.Ordinal)
    {
        [SecuritySettingNames.RequireTwoFactor] = "From the configuration (TwoFactor:Enforcement)",
        [SecuritySettingNames.SessionIdleTimeout] = "From the configuration (IdP:SessionIdleTimeout)",
        [SecuritySettingNames.SessionAbsoluteLifetime] = "From the configuration (IdP:SessionAbsoluteLifetime)",
        [SecuritySettingNames.LockoutThreshold] = "Built into the server",
        [SecuritySettingNames.PasswordlessPasskeys] = "From the configuration (Passkeys:AllowPasswordless)",
        [SecuritySettingNames.RememberComputers] = "From the configuration (RememberComputers:Enabled)",
        [SecuritySettingNames.RememberComputerDays] = "From the configuration (RememberComputers:Days)",
    };

    [BindProperty]
    public SecuritySettingsInput Input { get; set; } = new();

    public SecuritySettings Current { get; private set; } = null!;

    public IReadOnlyDictionary<string, SettingOrigin> Origins { get; private set; } = new Dictionary<string, SettingOrigin>();

    public int StaffWithoutTwoFactor { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var state = await security.GetStateAsync(cancellationToken);
        Input = SecuritySettingsInput.From(state.Effective, state.Stamp);
        await DescribeAsync(state, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var state = await security.GetStateAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            ExplainUnreadableNumbers();
            await DescribeAsync(state, cancellationToken);
            return Page();
        }

        var result = await writer.SaveAsync(Input.ToSettings(state.Effective), Input.Stamp, users.GetUserId(User)!, cancellationToken);
        switch (result.Outcome)
        {
            case SettingsSaveOutcome.Invalid:
                foreach (var problem in result.Problems)
                {
                    ModelState.AddModelError($"{nameof(Input)}.{SecuritySettingsInput.FieldFor(problem.Setting)}", problem.Message);
                }

                await DescribeAsync(state, cancellationToken);
                return Page();

            case SettingsSaveOutcome.Conflict:
                // Show what is stored now; the administrator's own values would hide the other change.
                var fresh = await security.GetStateAsync(cancellationToken);
                ModelState.Clear();
                ModelState.AddModelError(string.Empty,
                    "Another administrator changed these settings while you were editing. The form now shows the settings in force: check them and save again.");
                Input = SecuritySettingsInput.From(fresh.Effective, fresh.Stamp);
                await DescribeAsync(fresh, cancellationToken);
                return Page();

            case SettingsSaveOutcome.Unchanged:
                AdminFlash.Set(TempData, "Nothing to save: the settings are as they were.");
                return new SeeOtherResult(AdminRoutes.Settings);

            default:
                var detail = string.Join("; ", result.Changes);
                await audit.WriteAsync(SecurityEventKinds.AdminSettingsChanged, detail: detail);
                AdminFlash.Set(TempData, $"Security settings saved. {detail}.");
                return new SeeOtherResult(AdminRoutes.Settings);
        }
    }

    private async Task DescribeAsync(OrganisationSecurityState state, CancellationToken cancellationToken)
    {
        Current = state.Effective;
        StaffWithoutTwoFactor = await db.Users.CountAsync(u => u.AuthenticatorSecret == null, cancellationToken);

        var ids = state.Stored.Values.Select(r => r.UpdatedBy).OfType<string>().Distinct().ToList();
        var names = await db.Users.Where(u => ids.Contains(u.Id))
            .Select(u => new { u.Id, Name = u.DisplayName ?? u.Email })
            .ToDictionaryAsync(u => u.Id, u => u.Name, cancellationToken);

        Origins = SecuritySettingNames.All.ToDictionary(name => name, name =>
            state.Stored.TryGetValue(name, out var row)
                ? new SettingOrigin(true, string.Create(CultureInfo.InvariantCulture,
                    $"Changed by {(row.UpdatedBy is { } by && names.GetValueOrDefault(by) is { } who ? who : "a former administrator")} on {row.UpdatedAt.UtcDateTime:d MMM yyyy 'at' HH:mm} UTC"))
                : new SettingOrigin(false, DefaultSources[name]));
    }

    /// <summary>Replaces the framework's "The value 'x' is not valid" with what the field expects.</summary>
    private void ExplainUnreadableNumbers()
    {
        foreach (var (field, hint) in new[]
        {
            (nameof(SecuritySettingsInput.IdleTimeoutMinutes), SecuritySettingsInput.IdleHint),
            (nameof(SecuritySettingsInput.AbsoluteLifetimeHours), SecuritySettingsInput.LifetimeHint),
            (nameof(SecuritySettingsInput.LockoutThreshold), SecuritySettingsInput.LockoutHint),
            (nameof(SecuritySettingsInput.RememberComputerDays), SecuritySettingsInput.RememberDaysHint),
        })
        {
            var key = $"{nameof(Input)}.{field}";
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                entry.Errors.Clear();
                ModelState.AddModelError(key, hint);
            }
        }
    }
}
