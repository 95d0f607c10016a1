namespace Clinic.Appointments.PatientRecords;

/// <summary>A patient as the patient-records API returns it.</summary>
public sealed record PatientSummary(int Id, string Name, DateOnly DateOfBirth, string RecordNumber, string Allergies, string LastVisitNote);
