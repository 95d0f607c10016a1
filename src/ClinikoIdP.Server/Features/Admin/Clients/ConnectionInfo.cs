using ClinikoIdP.Server.Features.Connect;
using ClinikoIdP.Server.Hosting;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>
/// The addresses an app's developer pastes into its settings. The issuer is <c>IdP:Issuer</c> when configured
/// (behind a proxy the request's own address may not be the public one), otherwise this request's base URL.
/// </summary>
public sealed record ConnectionInfo(string Issuer)
{
    public string DiscoveryUrl => Issuer + ConnectRoutes.Discovery;

    public string TokenEndpoint => Issuer + ConnectRoutes.Token;

    public static ConnectionInfo For(HttpRequest request, IdpOptions options)
    {
        var issuer = string.IsNullOrWhiteSpace(options.Issuer)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : options.Issuer.Trim();
        return new ConnectionInfo(issuer.EndsWith('/') ? issuer : issuer + "/");
    }
}
