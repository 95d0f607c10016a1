namespace Clinic.Billing.Invoices;

/// <summary>The fake invoices the app shows.</summary>
public sealed class InvoiceBook
{
    private static readonly Invoice[] All =
    [
        new("INV-2041", new DateOnly(2025, 11, 3), "Amelia Hart", "Consultation, 20 minutes", 65.00m, true),
        new("INV-2042", new DateOnly(2025, 11, 3), "Bilal Qureshi", "Diabetes review and HbA1c test", 120.00m, false),
        new("INV-2043", new DateOnly(2025, 11, 4), "Chloe Nakamura", "Asthma clinic", 45.00m, true),
        new("INV-2044", new DateOnly(2025, 11, 5), "Dmitri Volkov", "Physiotherapy referral letter", 30.00m, false),
        new("INV-2045", new DateOnly(2025, 11, 6), "Esther Mensah", "Travel vaccinations (2 doses)", 140.00m, false),
    ];

    public IReadOnlyList<Invoice> List() => All;
}
