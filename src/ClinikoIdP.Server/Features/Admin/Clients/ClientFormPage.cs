using ClinikoIdP.Server.Features.Clients;
using ClinikoIdP.Server.Hosting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>
/// What the register and edit pages share: the form (<c>_ClientForm</c>), its choices, and turning refusals into
/// messages beside the fields they are about.
/// </summary>
public abstract class ClientFormPage(IOpenIddictScopeManager scopes, IdpOptions idp) : PageModel
{
    [BindProperty]
    public ClientInput Input { get; set; } = new();

    public IReadOnlyList<ScopeChoice> ScopeChoices { get; private set; } = [];

    /// <summary>The server-wide access-token lifetime a client gets when its own is left empty.</summary>
    public TimeSpan DefaultAccessTokenLifetime => idp.AccessTokenLifetime;

    public abstract bool IsNew { get; }

    protected async Task LoadChoicesAsync() => ScopeChoices = await ScopeChoice.LoadAsync(scopes, HttpContext.RequestAborted);

    /// <summary>Checks what only the console's form can get wrong (lists too long, URIs given to a machine client).</summary>
    protected void CheckForm()
    {
        var lists = new[] { (Key: "Input.RedirectUris", Text: Input.RedirectUris), (Key: "Input.PostLogoutRedirectUris", Text: Input.PostLogoutRedirectUris) };
        foreach (var (key, text) in lists)
        {
            var lines = ClientInput.Lines(text);
            if (lines.Count > ClientInput.MaxUrisPerList)
            {
                ModelState.AddModelError(key, $"Give at most {ClientInput.MaxUrisPerList} URIs, one per line.");
            }
            else if (Input.Type == ClientType.MachineToMachine && lines.Count > 0)
            {
                ModelState.AddModelError(key, "A machine-to-machine app has no users to send back: leave this empty, or choose another type.");
            }
        }

        if (Input.Type == ClientType.MachineToMachine && !string.IsNullOrWhiteSpace(Input.BackChannelLogoutUri))
        {
            ModelState.AddModelError("Input.BackChannelLogoutUri", "A machine-to-machine app has no sign-in sessions to end: leave this empty.");
        }

        if (Input.Type != ClientType.MachineToMachine && ClientInput.Lines(Input.RedirectUris).Count == 0)
        {
            ModelState.AddModelError("Input.RedirectUris", "An app users sign in to needs at least one redirect URI.");
        }

        if (Input.Scopes.Count > 100 || Input.Scopes.Any(s => s.Length > 200))
        {
            ModelState.AddModelError("Input.Scopes", "Choose from the scopes listed.");
        }
    }

    /// <summary>Shows each refusal beside its field (a URI's message names its line); a field already in error keeps its first message.</summary>
    protected void ShowProblems(IEnumerable<ClientProblem> problems)
    {
        foreach (var problem in problems)
        {
            var key = problem.Field switch
            {
                ClientField.ClientId => "Input.ClientId",
                ClientField.Kind => "Input.Type",
                ClientField.RedirectUris => "Input.RedirectUris",
                ClientField.PostLogoutRedirectUris => "Input.PostLogoutRedirectUris",
                ClientField.BackChannelLogoutUri => "Input.BackChannelLogoutUri",
                ClientField.Scopes => "Input.Scopes",
                ClientField.AccessTokenLifetime => "Input.AccessTokenLifetimeMinutes",
                _ => "",
            };
            if (ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0)
            {
                continue;
            }

            var text = problem.Field switch
            {
                ClientField.RedirectUris => Input.RedirectUris,
                ClientField.PostLogoutRedirectUris => Input.PostLogoutRedirectUris,
                _ => null,
            };
            var line = problem.Line is { } index && ClientInput.Lines(text) is { } lines && index <= lines.Count ? lines[index - 1].Line : (int?)null;
            ModelState.AddModelError(key, line is null ? problem.Message : $"Line {line}: {problem.Message}");
        }
    }

    /// <summary>Asks the browser and any proxy to keep no copy of a page that shows a secret.</summary>
    protected void ForbidCaching()
    {
        Response.Headers.CacheControl = "no-store";
        Response.Headers.Pragma = "no-cache";
    }
}
