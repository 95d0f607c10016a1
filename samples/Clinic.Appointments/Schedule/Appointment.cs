namespace Clinic.Appointments.Schedule;

/// <summary>A made-up appointment; PatientId points at a record in the patient-records API.</summary>
public sealed record Appointment(TimeOnly Time, int PatientId, string Clinician, string Reason);
