using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using ClinikoIdP.Samples.Tests.Infrastructure;

namespace ClinikoIdP.Samples.Tests.PatientRecordsApi;

/// <summary>RFC 6750 §3.1 and RFC 9068: 401 for a missing or unacceptable token, 403 for a good token without the scope.</summary>
public sealed class PatientRecordsApiTests(PatientRecordsApiFactory factory) : IClassFixture<PatientRecordsApiFactory>
{
    [Fact]
    public async Task MissingTokenIsUnauthorized()
    {
        using var response = await GetAsync("/patients", token: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task ExpiredTokenIsUnauthorized()
    {
        using var response = await GetAsync("/patients", TestIssuer.Instance.AccessToken(lifetime: TimeSpan.FromMinutes(-10)));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenForAnotherAudienceIsUnauthorized()
    {
        using var response = await GetAsync("/patients", TestIssuer.Instance.AccessToken(audience: "billing-api"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenSignedWithUnknownKeyIsUnauthorized()
    {
        using var response = await GetAsync("/patients", TestIssuer.Instance.AccessToken(key: TestIssuer.Instance.ForeignKey));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task TokenWithoutPatientsReadScopeIsForbidden()
    {
        using var response = await GetAsync("/patients", TestIssuer.Instance.AccessToken(scope: "openid profile"));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task RightTokenListsPatients()
    {
        using var response = await GetAsync("/patients", TestIssuer.Instance.AccessToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(body.RootElement.GetArrayLength() > 0);
    }

    [Fact]
    public async Task RightTokenReadsOnePatientAndUnknownIdIsNotFound()
    {
        using var found = await GetAsync("/patients/3", TestIssuer.Instance.AccessToken());
        using var missing = await GetAsync("/patients/999", TestIssuer.Instance.AccessToken());

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string? token)
    {
        using var client = factory.CreateClient(new() { BaseAddress = new Uri("https://localhost/") });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await client.SendAsync(request);
    }
}
