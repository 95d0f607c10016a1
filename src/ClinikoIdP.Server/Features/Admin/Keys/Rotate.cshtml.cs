using System.Globalization;
using ClinikoIdP.Server.Features.Common;
using ClinikoIdP.Server.Features.SecurityEvents;
using ClinikoIdP.Server.Hosting;
using ClinikoIdP.Server.Keys;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace ClinikoIdP.Server.Features.Admin.Keys;

/// <summary>
/// Rotates the signing or the encryption key after saying what happens. This server reloads its keys at once; other
/// servers on the same database pick the key up within <see cref="IdpOptions.KeyRefreshInterval"/> (<see cref="ServerKeysWatcher"/>).
/// </summary>
public sealed class RotateKeyModel(
    SigningKeyStore store,
    AdminAudit audit,
    IOptions<IdpOptions> idpOptions,
    ServerKeys serverKeys,
    ILogger<RotateKeyModel> logger) : PageModel
{
    [BindProperty]
    public RotateInput Input { get; set; } = new();

    public string Use { get; private set; } = "";

    public IReadOnlyList<SigningKeyRecord> Active { get; private set; } = [];

    public TimeSpan RetiredKeyLifetime => idpOptions.Value.RetiredKeyLifetime;

    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "use")] string? use, CancellationToken cancellationToken)
    {
        if (KeyUses.ToStored(use) is not { } stored)
        {
            return NotFound();
        }

        Input.Use = use!;
        await LoadAsync(stored, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (KeyUses.ToStored(Input.Use) is not { } stored)
        {
            ModelState.AddModelError("Input.Use", "Choose the signing key or the encryption key.");
            return Page();
        }

        var retiring = (await store.ListAsync(cancellationToken)).Where(k => k.Use == stored && k.IsActive).ToList();
        var created = await store.RotateAsync(stored, cancellationToken);
        ReloadServerKeys(created);

        var kept = retiring.Count == 0 ? "" : $"; {string.Join(", ", retiring.Select(k => k.Id))} kept until "
            + (created.CreatedAt + RetiredKeyLifetime).ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture);
        await audit.WriteAsync(SecurityEventKinds.AdminKeyRotated, detail: $"new {KeyUses.Describe(stored)} key {created.Id}{kept}");
        AdminFlash.Set(TempData,
            $"New {KeyUses.Describe(stored)} key {created.Id} is active on this server; other ClinikoIdP servers that share this database load it within {idpOptions.Value.KeyRefreshInterval.TotalMinutes:0.#} minute(s).");
        return new SeeOtherResult(AdminRoutes.Keys);
    }

    private async Task LoadAsync(string stored, CancellationToken cancellationToken)
    {
        Use = stored;
        Active = [.. (await store.ListAsync(cancellationToken)).Where(k => k.Use == stored && k.IsActive)];
    }

    private void ReloadServerKeys(SigningKeyRecord created)
    {
        serverKeys.Reload();
        Log.KeysReloaded(logger, created.Use, created.Id);
    }

    public sealed class RotateInput
    {
        /// <summary><see cref="KeyUses.Signing"/> or <see cref="KeyUses.Encryption"/>; anything else is refused.</summary>
        public string Use { get; set; } = "";
    }
}
