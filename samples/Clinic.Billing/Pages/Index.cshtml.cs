using Clinic.Billing.Invoices;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Clinic.Billing.Pages;

public sealed class IndexModel(InvoiceBook invoices) : PageModel
{
    public IReadOnlyList<Invoice> Invoices { get; private set; } = [];

    public string? Name => User.FindFirst("name")?.Value;

    public string? Email => User.FindFirst("email")?.Value;

    /// <summary>RFC 8176 values from the id token; Billing is registered with --require-mfa, so "mfa" is among them.</summary>
    public IEnumerable<string> AuthenticationMethods => User.FindAll("amr").Select(claim => claim.Value);

    public void OnGet() => Invoices = invoices.List();
}
