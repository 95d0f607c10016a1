using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Admin;

/// <summary>
/// Every console address the running server actually maps (read from its endpoint table, not a hand-kept list),
/// with route parameters filled in, so a page added later is covered by the access tests without anyone remembering.
/// </summary>
public static class AdminRouteCatalogue
{
    public static IReadOnlyList<string> Urls(IdpFactory factory) =>
        [.. AllUrls(factory).Where(url => url.Equals("/admin", StringComparison.OrdinalIgnoreCase)
            || url.StartsWith("/admin/", StringComparison.OrdinalIgnoreCase))];

    /// <summary>Every address the server maps (pages and endpoints), route parameters filled in.</summary>
    public static IReadOnlyList<string> AllUrls(IdpFactory factory)
    {
        _ = factory.Server; // builds the host
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return [.. endpoints
            .Select(e => Fill(e.RoutePattern))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>The address of a route with its parameters filled in with placeholders.</summary>
    public static string Fill(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
    {
        var segments = pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart parameter => "x-" + parameter.Name.ToLowerInvariant(),
            Microsoft.AspNetCore.Routing.Patterns.RoutePatternSeparatorPart separator => separator.Content,
            _ => "",
        })));
        return "/" + string.Join('/', segments);
    }
}
