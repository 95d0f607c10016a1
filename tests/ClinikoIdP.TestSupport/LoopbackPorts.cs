using System.Net;
using System.Net.Sockets;

namespace ClinikoIdP.TestSupport;

public static class LoopbackPorts
{
    /// <summary>
    /// A loopback port that was free a moment ago (the system picked it and it was released at once): nothing listens
    /// on it until the caller starts something there, so a connection to it is refused.
    /// </summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
