using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinikoIdP.Server.Features.RateLimits;

/// <summary>
/// Per-node limits on sign-in, second-factor, password-reset and token requests (ASP.NET Core's rate limiter,
/// in memory). They slow guessing down on one node; account lockout, kept in the database, is what holds across nodes.
/// </summary>
public static class RateLimitHosting
{
    public static IServiceCollection AddIdpRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>()
            .Bind(configuration.GetSection(RateLimitOptions.Section))
            .Validate(AreValid, "Every RateLimits:*:PerAddress and PerAccount needs a PermitLimit above 0 and a Window above 00:00:00.")
            .ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>>((limiter, limits) =>
        {
            limiter.GlobalLimiter = new AddressThenAccountLimiter(limits.Value);
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitRejection.OnRejectedAsync;
        });
        return services;
    }

    /// <summary>Goes after forwarded headers (the client's real address) and before authentication (client-secret checks).</summary>
    public static IApplicationBuilder UseIdpRateLimits(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<RateLimitOptions>>().Value.Enabled)
        {
            return app;
        }

        app.UseMiddleware<RateLimitSubjectMiddleware>();
        return app.UseRateLimiter();
    }

    private static bool AreValid(RateLimitOptions options) =>
        Enum.GetValues<LimitedAction>().All(action => options.For(action).PerAddress.IsValid && options.For(action).PerAccount.IsValid);
}
