using System.Net;
using Clinic.Billing.BackChannelLogout;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Client;

namespace ClinikoIdP.Samples.Tests.Infrastructure;

/// <summary>Clinic.Billing against the test issuer (OpenIddict.Client given a static server configuration).</summary>
public sealed class BillingFactory : ReceiverFactory<LogoutTokenValidator>
{
    public override string ClientId => "clinic-billing";

    public override bool IsSignInRedirect(HttpResponseMessage response) =>
        response.StatusCode == HttpStatusCode.Redirect
        && response.Headers.Location?.OriginalString.StartsWith("https://localhost/signin?ReturnUrl=", StringComparison.Ordinal) == true;

    protected override void ConfigureIssuer(IServiceCollection services) =>
        services.Configure<OpenIddictClientOptions>(options =>
        {
            var registration = options.Registrations.Single();
            var configuration = new OpenIddictConfiguration
            {
                Issuer = new Uri(TestIssuer.Issuer),
                AuthorizationEndpoint = TestIssuer.AuthorizationEndpoint,
                TokenEndpoint = TestIssuer.TokenEndpoint,
                EndSessionEndpoint = TestIssuer.EndSessionEndpoint,
            };
            configuration.SigningKeys.Add(TestIssuer.Instance.SigningKey);
            registration.Configuration = configuration;
        });
}
