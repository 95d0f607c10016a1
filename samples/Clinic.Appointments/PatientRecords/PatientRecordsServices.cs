namespace Clinic.Appointments.PatientRecords;

public static class PatientRecordsServices
{
    public static IServiceCollection AddPatientRecordsClient(this IServiceCollection services, IConfiguration configuration)
    {
        var baseUrl = configuration[$"{PatientRecordsClient.Section}:BaseUrl"]
            ?? throw new InvalidOperationException($"Set {PatientRecordsClient.Section}:BaseUrl to the patient-records API, e.g. http://localhost:5103/.");
        services.AddHttpClient<PatientRecordsClient>(client =>
        {
            client.BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/");
            client.Timeout = TimeSpan.FromSeconds(10);
        });
        return services;
    }
}
