using System.Collections.Concurrent;

namespace ClinikoIdP.Samples.Tests.Infrastructure;

/// <summary>Answers outgoing HTTP calls in memory and remembers them (request, and the form body if any).</summary>
public sealed class StubHttpHandler(Func<HttpRequestMessage, string?, HttpResponseMessage> respond) : HttpMessageHandler
{
    public ConcurrentQueue<(HttpRequestMessage Request, string? Body)> Calls { get; } = new();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Calls.Enqueue((request, body));
        return respond(request, body);
    }
}
