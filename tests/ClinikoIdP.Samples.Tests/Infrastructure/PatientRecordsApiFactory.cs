using Clinic.PatientRecords.Api;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using OpenIddict.Abstractions;
using OpenIddict.Validation;

namespace ClinikoIdP.Samples.Tests.Infrastructure;

/// <summary>Clinic.PatientRecords.Api with OpenIddict.Validation given the test issuer's configuration and key.</summary>
public sealed class PatientRecordsApiFactory : WebApplicationFactory<ClinikoIdPSettings>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ClinikoIdP:Authority", TestIssuer.Issuer);
        builder.ConfigureServices(services => services.Configure<OpenIddictValidationOptions>(options =>
        {
            var configuration = new OpenIddictConfiguration { Issuer = new Uri(TestIssuer.Issuer) };
            configuration.SigningKeys.Add(TestIssuer.Instance.SigningKey);
            options.Configuration = configuration;
        }));
    }
}
