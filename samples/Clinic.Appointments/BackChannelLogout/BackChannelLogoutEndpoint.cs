using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Clinic.Appointments.BackChannelLogout;

/// <summary>
/// The back-channel logout URI (OpenID Connect Back-Channel Logout 1.0 §2.5, §2.8): the IdP POSTs logout_token as a
/// form; 200 when the session is ended, 400 with invalid_request otherwise, never cached.
/// </summary>
public static class BackChannelLogoutEndpoint
{
    public static IServiceCollection AddBackChannelLogout(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<LogoutTokenReplayCache>();
        services.AddSingleton<SignedOutSessions>();
        services.AddSingleton<LogoutTokenValidator>();
        return services;
    }

    public static IEndpointRouteBuilder MapBackChannelLogout(this IEndpointRouteBuilder app)
    {
        // A server-to-server call without cookies, so there is no anti-forgery token to check; the signed token is the proof.
        app.MapPost(AppRoutes.BackChannelLogout, HandleAsync).DisableAntiforgery().AllowAnonymous();
        return app;
    }

    private static async Task<IResult> HandleAsync(
        HttpContext context, LogoutTokenValidator validator, SignedOutSessions signedOut, ILogger<LogoutTokenValidator> logger)
    {
        context.Response.Headers.CacheControl = "no-store";
        if (!context.Request.HasFormContentType)
        {
            return Refuse(logger, "not a form post");
        }

        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form["logout_token"] is not [{ Length: > 0 } logoutToken])
        {
            return Refuse(logger, "no single logout_token");
        }

        var result = await validator.ValidateAsync(logoutToken, context.RequestAborted);
        if (!result.IsValid)
        {
            return Refuse(logger, result.Problem!);
        }

        signedOut.SignOut(result.SessionId, result.Subject, result.IssuedAt);
        logger.Accepted();
        return Results.Ok();
    }

    private static IResult Refuse(ILogger logger, string problem)
    {
        logger.Refused(problem);
        return Results.Json(new { error = "invalid_request" }, statusCode: StatusCodes.Status400BadRequest);
    }
}
