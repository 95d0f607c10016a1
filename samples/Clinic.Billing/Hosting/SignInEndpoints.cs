using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Client.AspNetCore;

namespace Clinic.Billing.Hosting;

/// <summary>Sign-in, sign-out and OpenIddict.Client's two callbacks, as minimal endpoints.</summary>
public static class SignInEndpoints
{
    /// <summary>The id token claims the local cookie keeps: who, how and when, and the IdP session (sid) for back-channel logout.</summary>
    private static readonly string[] KeptClaims = ["sub", "name", "email", "sid", "amr", "auth_time", "acr"];

    public static IEndpointRouteBuilder MapSignInEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(AppRoutes.SignIn, (string? returnUrl, HttpContext context) =>
            Results.Challenge(new AuthenticationProperties { RedirectUri = LocalOrHome(context, returnUrl) },
                [OpenIddictClientAspNetCoreDefaults.AuthenticationScheme]));

        app.MapMethods("/" + AppRoutes.SignInCallback, [HttpMethods.Get, HttpMethods.Post], (Delegate)CompleteSignInAsync).DisableAntiforgery();
        app.MapMethods("/" + AppRoutes.SignOutCallback, [HttpMethods.Get, HttpMethods.Post], async (HttpContext context) =>
        {
            // OpenIddict has checked the state; the local cookie was already removed when sign-out started.
            var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
            return Results.Redirect(result.Properties?.RedirectUri ?? AppRoutes.SignedOut);
        }).DisableAntiforgery();
        return app;
    }

    private static async Task<IResult> CompleteSignInAsync(HttpContext context)
    {
        // OpenIddict.Client has validated state, code, PKCE, the token response and the id token.
        var result = await context.AuthenticateAsync(OpenIddictClientAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { Identity.IsAuthenticated: true } external)
        {
            return Results.Redirect($"{AppRoutes.Error}?reason=sign-in");
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, "name", "role");
        identity.AddClaims(external.Claims
            .Where(claim => KeptClaims.Contains(claim.Type, StringComparer.Ordinal))
            .Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType)));

        var properties = new AuthenticationProperties { RedirectUri = result.Properties?.RedirectUri ?? AppRoutes.Home };

        // Only the id token is kept: it is the id_token_hint at sign-out. Billing calls no API.
        properties.StoreTokens(result.Properties?.GetTokens()
            .Where(token => token.Name == OpenIddictClientAspNetCoreConstants.Tokens.BackchannelIdentityToken) ?? []);
        return Results.SignIn(new ClaimsPrincipal(identity), properties, CookieAuthenticationDefaults.AuthenticationScheme);
    }

    private static string LocalOrHome(HttpContext context, string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal)
            ? returnUrl
            : context.Request.PathBase + AppRoutes.Home;
}
