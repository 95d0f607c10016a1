using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace ClinikoIdP.Samples.Tests.Infrastructure;

/// <summary>
/// A test-only way into a signed-in session: GET /test/sign-in?sid=…&amp;sub=… issues the app's own cookie with the
/// claims the IdP's id token would have given (and tokens, for the token-refresh tests), as the OIDC callback would.
/// </summary>
public sealed class TestSignIn : IStartupFilter
{
    public const string Path = "/test/sign-in";

    public static string Url(string sid, string sub = "user-1", bool accessTokenExpired = false) =>
        $"{Path}?sid={sid}&sub={sub}&expired={accessTokenExpired}";

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        // Not app.Map: that would make the path a PathBase, and the cookie would be scoped to it.
        app.Use(async (context, nextMiddleware) =>
        {
            if (context.Request.Path != Path)
            {
                await nextMiddleware(context);
                return;
            }

            var query = context.Request.Query;
            var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, "name", "role");
            identity.AddClaim(new Claim("sub", query["sub"].ToString()));
            identity.AddClaim(new Claim("sid", query["sid"].ToString()));
            identity.AddClaim(new Claim("name", "Dr Test"));
            identity.AddClaim(new Claim("amr", "pwd"));
            identity.AddClaim(new Claim("amr", "mfa"));

            var expired = bool.Parse(query["expired"].ToString());
            var properties = new AuthenticationProperties();
            properties.StoreTokens(
            [
                new AuthenticationToken { Name = "access_token", Value = "access-1" },
                new AuthenticationToken { Name = "refresh_token", Value = "refresh-1" },
                new AuthenticationToken { Name = "id_token", Value = "id-token-1" },
                new AuthenticationToken
                {
                    Name = "expires_at",
                    Value = DateTimeOffset.UtcNow.AddMinutes(expired ? -1 : 10).ToString("o", CultureInfo.InvariantCulture),
                },
            ]);
            await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), properties);
            context.Response.StatusCode = StatusCodes.Status204NoContent;
        });
        next(app);
    };
}
