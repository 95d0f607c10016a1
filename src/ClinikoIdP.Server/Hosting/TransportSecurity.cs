using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ClinikoIdP.Server.Hosting;

/// <summary>
/// HTTPS outside Development, either on Kestrel itself or behind a TLS-terminating proxy whose forwarded headers
/// are trusted only from the addresses listed in <c>ForwardedHeaders:KnownProxies</c> (RFC 9700 §4.13).
/// </summary>
public static class TransportSecurity
{
    public static IServiceCollection AddIdpTransportSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = configuration.GetSection("ForwardedHeaders:KnownProxies").Get<string[]>() ?? [];
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(IPAddress.Parse(proxy));
            }
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        return services;
    }

    /// <summary>Fails start-up with a clear message when a non-Development server could only be reached over plain HTTP.</summary>
    public static void EnsureHttpsConfigured(IConfiguration configuration, IWebHostEnvironment environment)
    {
        if (environment.IsDevelopment())
        {
            return;
        }

        var issuer = configuration["IdP:Issuer"];
        if (!string.IsNullOrWhiteSpace(issuer)
            && !(Uri.TryCreate(issuer, UriKind.Absolute, out var issuerUri) && issuerUri.Scheme == Uri.UriSchemeHttps))
        {
            throw new InvalidOperationException($"IdP:Issuer must be an absolute https:// URL outside Development (got '{issuer}').");
        }

        var urls = configuration["urls"] ?? configuration["ASPNETCORE_URLS"] ?? configuration["Kestrel:Endpoints:Https:Url"] ?? "";
        var listensOnHttps = urls.Contains("https://", StringComparison.OrdinalIgnoreCase)
            || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any(e => (e["Url"] ?? "").StartsWith("https://", StringComparison.OrdinalIgnoreCase));
        var behindProxy = configuration.GetSection("ForwardedHeaders:KnownProxies").GetChildren().Any();
        var issuerIsHttps = issuer?.StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true;
        if (!listensOnHttps && !(behindProxy && issuerIsHttps))
        {
            throw new InvalidOperationException(
                "ClinikoIdP requires HTTPS outside Development. Either listen on an https:// URL with a certificate " +
                "(Kestrel:Endpoints:Https), or run behind a TLS-terminating proxy: set IdP:Issuer to the public https:// URL " +
                "and ForwardedHeaders:KnownProxies to the proxy's address. For a local trial use --environment Development.");
        }
    }
}
