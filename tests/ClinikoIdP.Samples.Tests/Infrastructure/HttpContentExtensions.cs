using System.Net;

namespace ClinikoIdP.Samples.Tests.Infrastructure;

internal static class HttpContentExtensions
{
    public static HttpResponseMessage AsResponse(this HttpContent content, HttpStatusCode status = HttpStatusCode.OK) =>
        new(status) { Content = content };
}
