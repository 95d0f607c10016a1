namespace Clinic.PatientRecords.Api.Patients;

/// <summary>The fake patients the API serves.</summary>
public sealed class PatientDirectory
{
    private static readonly Patient[] All =
    [
        new(1, "Amelia Hart", new DateOnly(1984, 3, 12), "MRN-10037", "Penicillin", "Follow-up on blood pressure; stable."),
        new(2, "Bilal Qureshi", new DateOnly(1957, 11, 2), "MRN-10074", "None known", "Annual diabetes review booked."),
        new(3, "Chloe Nakamura", new DateOnly(2011, 6, 28), "MRN-10111", "Peanuts", "Asthma inhaler technique checked."),
        new(4, "Dmitri Volkov", new DateOnly(1992, 1, 19), "MRN-10148", "Latex", "Physio referral for knee pain."),
        new(5, "Esther Mensah", new DateOnly(1978, 9, 5), "MRN-10185", "None known", "Travel vaccinations due."),
    ];

    public IReadOnlyList<Patient> List() => All;

    public Patient? Find(int id) => Array.Find(All, patient => patient.Id == id);
}
