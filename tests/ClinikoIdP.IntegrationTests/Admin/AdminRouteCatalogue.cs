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
    public static IReadOnlyList<string> Urls(IdpFactory factory)
    {
        _ = factory.Server; // builds the host
        var endpoints = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        return [.. endpoints
            .Select(e => e.RoutePattern)
            .Where(p => p.RawText is { } raw && (raw.Equals("admin", StringComparison.OrdinalIgnoreCase)
                || raw.StartsWith("admin/", StringComparison.OrdinalIgnoreCase)
                || raw.StartsWith("/admin", StringComparison.OrdinalIgnoreCase)))
            .Select(Fill)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Order(StringComparer.Ordinal)];
    }

    private static string Fill(Microsoft.AspNetCore.Routing.Patterns.RoutePattern pattern)
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
