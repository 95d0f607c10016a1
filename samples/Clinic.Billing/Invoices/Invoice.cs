namespace Clinic.Billing.Invoices;

/// <summary>A made-up invoice; the sample holds no real data.</summary>
public sealed record Invoice(string Number, DateOnly Issued, string Patient, string Description, decimal Amount, bool Paid);
