namespace Clinic.Appointments.PatientRecords;

/// <summary>What the API returned, or a sentence saying why there is nothing to show.</summary>
public sealed record PatientRecordsAnswer<T>(T? Value, string? Problem)
    where T : class;
