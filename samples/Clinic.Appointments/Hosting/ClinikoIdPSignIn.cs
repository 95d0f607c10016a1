using Clinic.Appointments.BackChannelLogout;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Clinic.Appointments.Hosting;

/// <summary>Signs staff in with ClinikoIdP through ASP.NET Core's own OpenID Connect handler, into a local cookie.</summary>
public static class ClinikoIdPSignIn
{
    public static readonly string[] Scopes = ["openid", "profile", "email", "offline_access", "patients.read"];

    /// <summary>As long as the IdP's absolute session lifetime (IdP:SessionAbsoluteLifetime, 8 hours by default).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddClinikoIdPSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(ClinikoIdPSettings.Section).Get<ClinikoIdPSettings>() ?? new ClinikoIdPSettings();
        if (string.IsNullOrWhiteSpace(settings.Authority) || string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            throw new InvalidOperationException(
                $"Set {ClinikoIdPSettings.Section}:Authority and {ClinikoIdPSettings.Section}:ClientSecret (user secrets or the environment variable ClinikoIdP__ClientSecret).");
        }

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                options.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(options =>
            {
                options.Cookie.Name = "clinic-appointments";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = false;
                options.AccessDeniedPath = AppRoutes.Error;

                // OIDC Back-Channel Logout §2.7: a session the IdP has ended is refused here, so the next request
                // goes back to sign-in.
                options.Events.OnValidatePrincipal = SignedOutSessions.RejectSignedOutPrincipalAsync;
            })
            .AddOpenIdConnect(options =>
            {
                options.Authority = settings.Authority;
                options.ClientId = settings.ClientId;
                options.ClientSecret = settings.ClientSecret;
                options.RequireHttpsMetadata = !environment.IsDevelopment();
                if (environment.IsDevelopment())
                {
                    // Plain HTTP on loopback: SameSite=None cookies must be Secure, so the short-lived correlation
                    // and nonce cookies become Lax (enough for the query response mode's top-level GET) and not Secure.
                    options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                    options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                    options.NonceCookie.SameSite = SameSiteMode.Lax;
                    options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                }

                // Authorization code flow with PKCE S256 (RFC 9700 §2.1.1); the code comes back in the query string.
                options.ResponseType = OpenIdConnectResponseType.Code;
                options.ResponseMode = OpenIdConnectResponseMode.Query;
                options.UsePkce = true;
                options.CallbackPath = AppRoutes.SignInCallback;
                options.SignedOutCallbackPath = AppRoutes.SignOutCallback;
                options.SignedOutRedirectUri = AppRoutes.SignedOut;

                options.Scope.Clear();
                foreach (var scope in Scopes)
                {
                    options.Scope.Add(scope);
                }

                // Keep the id token (id_token_hint at sign-out), the access token (API calls) and the refresh token.
                options.SaveTokens = true;

                // Claims keep their JWT names (sub, sid, amr, auth_time) instead of WS-Federation URIs.
                options.MapInboundClaims = false;
                options.TokenValidationParameters.NameClaimType = "name";
                options.ClaimActions.Remove("auth_time");
                options.ClaimActions.Remove("acr");

                options.Events.OnRemoteFailure = context =>
                {
                    context.Response.Redirect($"{AppRoutes.Error}?reason=sign-in");
                    context.HandleResponse();
                    return Task.CompletedTask;
                };
            });

        return services;
    }
}
