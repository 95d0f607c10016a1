using System.Text.Json;
using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Hosting;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>
/// The addresses an app's developer pastes into its settings. The issuer is <c>IdP:Issuer</c> when configured
/// (behind a proxy the request's own address may not be the public one), otherwise this request's base URL.
/// </summary>
public sealed record ConnectionInfo(string Issuer)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string DiscoveryUrl => Issuer + ConnectRoutes.Discovery;

    public string TokenEndpoint => Issuer + ConnectRoutes.Token;

    /// <summary>The section the clinic samples (and most ASP.NET Core apps) read; the secret is left for a secret store.</summary>
    public string AppSettingsFor(string clientId) =>
        JsonSerializer.Serialize(new { ClinikoIdP = new { Authority = Issuer, ClientId = clientId } }, Indented);

    public static ConnectionInfo For(HttpRequest request, IdpOptions options)
    {
        var issuer = string.IsNullOrWhiteSpace(options.Issuer)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.Issuer.Trim();
        return new ConnectionInfo(issuer.EndsWith('/') ? issuer : issuer + "/");
    }
}
