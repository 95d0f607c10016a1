using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.IntegrationTests.Oidc;

/// <summary>The redirect back to a clinic app's redirect URI, with its query parameters (code or error, state, iss).</summary>
public sealed class AuthorizationResponse
{
    private readonly Dictionary<string, string> parameters;

    private AuthorizationResponse(Uri location)
    {
        Location = location;
        parameters = QueryHelpers.ParseQuery(location.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    /// <summary>The full redirect target.</summary>
    public Uri Location { get; }

    /// <summary>Where the browser was sent, without the query (to compare with the registered redirect URI).</summary>
    public string RedirectedTo => Location.GetLeftPart(UriPartial.Path);

    public string? Code => this["code"];

    public string? State => this["state"];

    public string? Issuer => this["iss"];

    public string? Error => this["error"];

    public string? this[string name] => parameters.GetValueOrDefault(name);

    /// <summary>Reads the response from a redirect that leaves the identity provider.</summary>
    public static AuthorizationResponse FromRedirect(HttpResponseMessage response)
    {
        Assert.True(Browser.IsRedirect(response), $"Expected a redirect to the client, got {(int)response.StatusCode}.");
        var location = Browser.LocationOf(response);
        Assert.False(Browser.IsOnIdentityProvider(location), $"Expected a redirect to the client, got one to {location}.");
        return new AuthorizationResponse(location);
    }
}
