using System.Net;
using System.Net.Http.Json;
using Clinic.Appointments.BackChannelLogout;
using Clinic.Appointments.PatientRecords;
using Clinic.Appointments.Tokens;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace ClinikoIdP.Samples.Tests.Infrastructure;

/// <summary>Clinic.Appointments against the test issuer, with the IdP's token endpoint and the API stubbed.</summary>
public sealed class AppointmentsFactory : ReceiverFactory<LogoutTokenValidator>
{
    public override string ClientId => "clinic-appointments";

    /// <summary>The IdP's token endpoint: answers a refresh with access-2 / refresh-2 unless told to refuse.</summary>
    public StubHttpHandler TokenEndpoint { get; } = new((_, body) => body?.Contains("refresh_token=refresh-1", StringComparison.Ordinal) == true
        ? JsonContent.Create(new { access_token = "access-2", token_type = "Bearer", expires_in = 900, refresh_token = "refresh-2" }).AsResponse()
        : new HttpResponseMessage(HttpStatusCode.BadRequest) { Content = JsonContent.Create(new { error = "invalid_grant" }) });

    private static readonly PatientSummary Patient = new(1, "Amelia Hart", new DateOnly(1984, 3, 12), "MRN-1", "None", "Well");

    /// <summary>The patient-records API: one patient, for any bearer token.</summary>
    public StubHttpHandler PatientRecordsApi { get; } = new((request, _) => request.RequestUri!.AbsolutePath == "/patients"
        ? JsonContent.Create(new[] { Patient }).AsResponse()
        : JsonContent.Create(Patient).AsResponse());

    public override bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.GetLeftPart(UriPartial.Path) == TestIssuer.AuthorizationEndpoint.AbsoluteUri;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("PatientRecordsApi:BaseUrl", "https://api.test/");
        base.ConfigureWebHost(builder);
    }

    protected override void ConfigureIssuer(IServiceCollection services)
    {
        services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, options =>
        {
            var configuration = new OpenIdConnectConfiguration
            {
                Issuer = TestIssuer.Issuer,
                AuthorizationEndpoint = TestIssuer.AuthorizationEndpoint.AbsoluteUri,
                TokenEndpoint = TestIssuer.TokenEndpoint.AbsoluteUri,
                EndSessionEndpoint = TestIssuer.EndSessionEndpoint.AbsoluteUri,
            };
            configuration.SigningKeys.Add(TestIssuer.Instance.SigningKey);
            options.Configuration = configuration;
            options.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
        });
        services.AddHttpClient(AccessTokens.IdpClient).ConfigurePrimaryHttpMessageHandler(() => TokenEndpoint);
        services.AddHttpClient<PatientRecordsClient>().ConfigurePrimaryHttpMessageHandler(() => PatientRecordsApi);
    }
}
