using Microsoft.Extensions.Options;
using OpenIddict.Server;

namespace ClinikoIdP.Server.Features.SingleLogout;

/// <summary>
/// The issuer to put in logout tokens sent outside any request: <c>IdP:Issuer</c> when configured, otherwise the
/// base address the server was last reached at (which is the issuer OpenIddict derives from requests).
/// </summary>
public sealed class ObservedIssuer(IOptionsMonitor<OpenIddictServerOptions> options)
{
    private volatile string? observed;

    public string? Current => options.CurrentValue.Issuer?.AbsoluteUri ?? observed;

    public void Observe(HttpRequest request) =>
        observed = $"{request.Scheme}://{request.Host}{request.PathBase}/";
}
