using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Attacks;

/// <summary>A page's POST handler as a browser reaches it: the page address, with <c>?handler=</c> for a named one.</summary>
public sealed record PostHandler(string Url, string PageModel, bool IgnoresAntiforgery);

/// <summary>
/// Every POST handler of every Razor page the server maps, read from the compiled pages themselves, so a form added
/// later is attacked without anyone remembering to list it.
/// </summary>
public static class PostHandlerCatalogue
{
    public static async Task<IReadOnlyList<PostHandler>> AllAsync(IdpFactory factory)
    {
        _ = factory.Server; // builds the host
        var loader = factory.Services.GetRequiredService<PageLoader>();
        var handlers = new List<PostHandler>();
        foreach (var endpoint in factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is not { } descriptor)
            {
                continue;
            }

            var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
            var ignoresAntiforgery = page.ModelTypeInfo?.IsDefined(typeof(IgnoreAntiforgeryTokenAttribute), inherit: true) == true;
            var path = Admin.AdminRouteCatalogue.Fill(endpoint.RoutePattern);
            handlers.AddRange(page.HandlerMethods
                .Where(handler => string.Equals(handler.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase))
                .Select(handler => new PostHandler(
                    handler.Name is null ? path : $"{path}?handler={handler.Name}", page.ModelTypeInfo?.Name ?? "", ignoresAntiforgery)));
        }

        Assert.True(handlers.Count > 20, $"Only {handlers.Count} POST handlers found: are the pages read?");
        return [.. handlers.DistinctBy(h => h.Url, StringComparer.OrdinalIgnoreCase)];
    }
}
