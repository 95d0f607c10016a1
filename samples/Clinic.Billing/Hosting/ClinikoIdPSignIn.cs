using Clinic.Billing.BackChannelLogout;
using Microsoft.AspNetCore.Authentication.Cookies;
using OpenIddict.Client;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Clinic.Billing.Hosting;

/// <summary>Signs staff in with ClinikoIdP through OpenIddict.Client, into a local cookie.</summary>
public static class ClinikoIdPSignIn
{
    /// <summary>As long as the IdP's absolute session lifetime (IdP:SessionAbsoluteLifetime, 8 hours by default).</summary>
    public static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(8);

    public static IServiceCollection AddClinikoIdPSignIn(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var settings = configuration.GetSection(ClinikoIdPSettings.Section).Get<ClinikoIdPSettings>() ?? new ClinikoIdPSettings();
        if (!Uri.TryCreate(settings.Authority, UriKind.Absolute, out var issuer) || string.IsNullOrWhiteSpace(settings.ClientSecret))
        {
            throw new InvalidOperationException(
                $"Set {ClinikoIdPSettings.Section}:Authority and {ClinikoIdPSettings.Section}:ClientSecret (user secrets or the environment variable ClinikoIdP__ClientSecret).");
        }

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "clinic-billing";
                options.Cookie.SameSite = SameSiteMode.Lax;
                options.LoginPath = AppRoutes.SignIn;
                options.AccessDeniedPath = AppRoutes.Error;
                options.ExpireTimeSpan = SessionLifetime;
                options.SlidingExpiration = false;

                // OIDC Back-Channel Logout §2.7: a session the IdP has ended is refused, so the next request signs in again.
                options.Events.OnValidatePrincipal = SignedOutSessions.RejectSignedOutPrincipalAsync;
            });

        services.AddOpenIddict()
            .AddClient(options =>
            {
                // Authorization code flow; OpenIddict.Client adds PKCE S256 by itself when the IdP advertises it.
                options.AllowAuthorizationCodeFlow();

                // Keys that protect the client's own state tokens. Ephemeral keys are enough for one process (a
                // restart only fails sign-ins in progress); several nodes need shared X.509 certificates instead.
                options.AddEphemeralEncryptionKey().AddEphemeralSigningKey();

                // No database here: state tokens are self-contained instead of stored (so not marked as used).
                options.DisableTokenStorage();

                options.SetRedirectionEndpointUris(AppRoutes.SignInCallback)
                    .SetPostLogoutRedirectionEndpointUris(AppRoutes.SignOutCallback);

                var aspNetCore = options.UseAspNetCore()
                    .EnableRedirectionEndpointPassthrough()
                    .EnablePostLogoutRedirectionEndpointPassthrough();
                if (environment.IsDevelopment())
                {
                    // Plain HTTP on loopback in Development only; everywhere else the callbacks require HTTPS. The
                    // state cookie is then Lax (enough for the query response mode's top-level GET) and not Secure,
                    // since a SameSite=None cookie must be Secure.
                    aspNetCore.DisableTransportSecurityRequirement()
                        .Configure(cookies =>
                        {
                            cookies.CookieBuilder.SameSite = SameSiteMode.Lax;
                            cookies.CookieBuilder.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                        });
                }

                options.UseSystemNetHttp();
                options.AddRegistration(new OpenIddictClientRegistration
                {
                    Issuer = issuer,
                    ClientId = settings.ClientId,
                    ClientSecret = settings.ClientSecret,
                    Scopes = { Scopes.Profile, Scopes.Email },
                    RedirectUri = new Uri(AppRoutes.SignInCallback, UriKind.Relative),
                    PostLogoutRedirectUri = new Uri(AppRoutes.SignOutCallback, UriKind.Relative),
                });
            });

        return services;
    }
}
