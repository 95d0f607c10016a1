namespace Clinic.PatientRecords.Api.Patients;

/// <summary>A made-up patient record; the sample holds no real data.</summary>
public sealed record Patient(int Id, string Name, DateOnly DateOfBirth, string RecordNumber, string Allergies, string LastVisitNote);
