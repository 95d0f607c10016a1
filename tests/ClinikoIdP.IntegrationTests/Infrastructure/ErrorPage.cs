using System.Net;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>The identity provider's error page: a heading, a message, and the OAuth error code when there is one.</summary>
public sealed class ErrorPage
{
    private ErrorPage(HttpStatusCode status, string title, string message, string? protocolError)
    {
        Status = status;
        Title = title;
        Message = message;
        ProtocolError = protocolError;
    }

    public HttpStatusCode Status { get; }

    public string Title { get; }

    public string Message { get; }

    public string? ProtocolError { get; }

    /// <summary>Reads the error page from a response, which must be that page and not a redirect.</summary>
    public static async Task<ErrorPage> ReadAsync(HttpResponseMessage response)
    {
        Assert.False(Browser.IsRedirect(response), $"Expected an error page, got a redirect to {response.Headers.Location}.");
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var document = await Browser.ParseAsync(response);
        var heading = document.QuerySelector("#error-title");
        Assert.True(heading is not null, "The response is not the error page.");
        return new ErrorPage(
            response.StatusCode,
            heading.TextContent.Trim(),
            document.QuerySelector(".lead")?.TextContent.Trim() ?? "",
            document.QuerySelector("code")?.TextContent.Trim());
    }
}
