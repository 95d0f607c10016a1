namespace Clinic.PatientRecords.Api.Patients;

public static class PatientEndpoints
{
    public const string List = "/patients";
    public const string ById = "/patients/{id:int}";

    public static IEndpointRouteBuilder MapPatientEndpoints(this IEndpointRouteBuilder app)
    {
        var patients = app.MapGroup("").RequireAuthorization(TokenValidation.PatientsReadPolicy);
        patients.MapGet(List, (PatientDirectory directory) => TypedResults.Ok(directory.List()));
        patients.MapGet(ById, (int id, PatientDirectory directory) =>
            directory.Find(id) is { } patient ? Results.Ok(patient) : Results.NotFound());
        return app;
    }
}
