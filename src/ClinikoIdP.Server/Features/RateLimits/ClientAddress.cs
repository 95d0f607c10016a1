using System.Net;
using System.Net.Sockets;

namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>The partition key of a client address (after forwarded headers have been applied).</summary>
public static class ClientAddress
{
    public const string Unknown = "unknown";

    /// <summary>
    /// IPv4 addresses count one by one; IPv6 addresses by their /64 prefix, because one subscriber usually holds a whole
    /// /64 (RFC 6177) and could otherwise take a fresh address for every attempt.
    /// </summary>
    public static string PartitionKey(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
