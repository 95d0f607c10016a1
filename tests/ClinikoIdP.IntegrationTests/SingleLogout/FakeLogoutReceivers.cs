using System.Collections.Concurrent;
using System.Net;

namespace ClinikoIdP.IntegrationTests.SingleLogout;

/// <summary>
/// Stands in for the clinic apps' back-channel logout endpoints, by host name: "up" apps answer 200,
/// "down" apps refuse the connection, "slow" apps never answer within the sender's timeout.
/// </summary>
public sealed class FakeLogoutReceivers : HttpMessageHandler
{
    public ConcurrentQueue<(Uri Uri, string LogoutToken)> Received { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var host = request.RequestUri!.Host;
        if (host.StartsWith("down", StringComparison.Ordinal))
        {
            throw new HttpRequestException("Connection refused");
        }

        if (host.StartsWith("slow", StringComparison.Ordinal))
        {
            await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
        }

        var form = await request.Content!.ReadAsStringAsync(cancellationToken);
        var token = WebUtility.UrlDecode(form.Split('=', 2)[1]);
        Received.Enqueue((request.RequestUri, token));
        return new HttpResponseMessage(HttpStatusCode.OK);
    }
}
