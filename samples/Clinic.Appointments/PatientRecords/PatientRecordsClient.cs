using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Clinic.Appointments.PatientRecords;

/// <summary>Calls the patient-records API with the signed-in user's access token (RFC 6750 bearer).</summary>
public sealed class PatientRecordsClient(HttpClient http)
{
    public const string Section = "PatientRecordsApi";

    public async Task<PatientRecordsAnswer<IReadOnlyList<PatientSummary>>> ListAsync(string accessToken, CancellationToken cancellationToken) =>
        await GetAsync<IReadOnlyList<PatientSummary>>("patients", accessToken, cancellationToken);

    public async Task<PatientRecordsAnswer<PatientSummary>> FindAsync(int id, string accessToken, CancellationToken cancellationToken) =>
        await GetAsync<PatientSummary>($"patients/{id}", accessToken, cancellationToken);

    private async Task<PatientRecordsAnswer<T>> GetAsync<T>(string path, string accessToken, CancellationToken cancellationToken)
        where T : class
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.StatusCode == HttpStatusCode.OK
                ? new(await response.Content.ReadFromJsonAsync<T>(cancellationToken), null)
                : new(null, $"the API answered {(int)response.StatusCode} {response.ReasonPhrase}");
        }
        catch (HttpRequestException unreachable)
        {
            return new(null, $"the API could not be reached ({unreachable.Message})");
        }
    }
}
