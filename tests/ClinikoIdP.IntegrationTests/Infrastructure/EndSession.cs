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
