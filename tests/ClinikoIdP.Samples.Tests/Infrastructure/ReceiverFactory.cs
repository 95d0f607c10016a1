using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.Samples.Tests.Infrastructure;

/// <summary>What the back-channel logout tests need from either web sample.</summary>
public abstract class ReceiverFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    public abstract string ClientId { get; }

    /// <summary>True when the response sends the browser off to sign in again.</summary>
    public abstract bool IsSignInRedirect(HttpResponseMessage response);

    public HttpClient CreateBrowser() =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost/") });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("ClinikoIdP:Authority", TestIssuer.Issuer);
        builder.UseSetting("ClinikoIdP:ClientId", ClientId);
        builder.UseSetting("ClinikoIdP:ClientSecret", "test-client-secret-0123456789");
        builder.ConfigureServices(services =>
        {
            services.AddSingleton<IStartupFilter, TestSignIn>();
            ConfigureIssuer(services);
        });
    }

    /// <summary>Points the app's OpenID Connect stack at the test issuer's static configuration and key.</summary>
    protected abstract void ConfigureIssuer(IServiceCollection services);
}
