using ClinikoIdP.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ClinikoIdP.IntegrationTests.Standards;

/// <summary>
/// The server with one extra address that throws after the whole pipeline has run, so a test can see the real 500
/// page the exception handler shows (no page of the product throws on purpose).
/// </summary>
public sealed class ThrowingRouteIdpFactory : IdpFactory
{
    public const string ThrowingPath = "/test-only/throws";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IStartupFilter, ThrowingRoute>());
    }

    private sealed class ThrowingRoute : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((HttpContext context, RequestDelegate rest) => context.Request.Path == ThrowingPath
                ? throw new InvalidOperationException("A deliberate fault for the 500 page test.")
                : rest(context));
        };
    }
}
