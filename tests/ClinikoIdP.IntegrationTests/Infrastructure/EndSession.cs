using ClinikoIdP.IntegrationTests.Oidc;
using ClinikoIdP.Server.Features.Connect;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.IntegrationTests.Infrastructure;

/// <summary>RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0) as a clinic app and its user see it.</summary>
public static class EndSession
{
    public const string Path = "/" + ConnectRoutes.EndSession;

    public static string Url(params (string Name, string Value)[] parameters) =>
        QueryHelpers.AddQueryString(Path, parameters.Select(p => new KeyValuePair<string, string?>(p.Name, p.Value)));

    /// <summary>The heading of the question asked before a logout request that does not prove itself ends the session.</summary>
    public const string Question = "Sign out of ClinikoIdP?";

    /// <summary>Reads the question (RP-Initiated Logout 1.0 §2): the page served at the endpoint itself, with 200.</summary>
    public static async Task<PageDocument> ReadQuestionAsync(HttpResponseMessage response)
    {
        var page = await PageDocument.ReadAsync(response, Path);
        Assert.Equal(Question, page.Heading);
        return page;
    }

    /// <summary>The question's "Sign out" form as the browser submits it: the anti-forgery token and the request's parameters.</summary>
    public static HtmlForm SignOutForm(PageDocument question) => question.FormWith("button[type=submit]");

    /// <summary>The session lives on: a silent authorization request for the app still gets a code.</summary>
    public static async Task AssertStillSignedInAsync(Browser browser, TestClient client)
    {
        Assert.True(browser.HasSessionCookie, "The session cookie is gone.");
        var silent = await Journeys.AuthorizeAsync(browser, client.NewAuthorizationRequest().With("prompt", "none"));
        Assert.Null(silent.Error);
        Assert.NotNull(silent.Code);
    }

    /// <summary>The session is over: a silent authorization request for the app answers login_required.</summary>
    public static async Task AssertSignedOutAsync(Browser browser, TestClient client)
    {
        var silent = await Journeys.AuthorizeAsync(browser, client.NewAuthorizationRequest().With("prompt", "none"));
        Assert.Equal("login_required", silent.Error);
        Assert.Null(silent.Code);
    }

    /// <summary>The response does not send the browser to <paramref name="uri"/> (or anything starting with it).</summary>
    public static void AssertNoRedirectTo(HttpResponseMessage response, string uri)
    {
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.False(location.StartsWith(uri, StringComparison.Ordinal), $"Redirected to {location}.");
    }
}
