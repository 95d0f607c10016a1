using System.Net;

namespace ClinikoIdP.Server.Features.Operations.Telemetry;

/// <summary>
/// Who may read <c>/metrics</c>: the counters say how busy the server is and how often sign-ins fail, which is worth
/// keeping from the public. Behind a proxy the address is the forwarded client's (ForwardedHeaders:KnownProxies),
/// so a scrape through the public proxy is refused like any other outside request.
/// </summary>
public sealed class PrometheusAccess(IReadOnlyList<IPNetwork> allowed)
{
    public bool Allows(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!context.Request.Path.Equals(OperationsPaths.Metrics, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return allowed.Any(network => network.Contains(address));
    }
}
