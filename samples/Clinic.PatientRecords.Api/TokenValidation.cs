using OpenIddict.Abstractions;
using OpenIddict.Validation;
using OpenIddict.Validation.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Clinic.PatientRecords.Api;

/// <summary>Validates ClinikoIdP's access tokens locally, against the keys published at its JWKS endpoint.</summary>
public static class TokenValidation
{
    public const string PatientsReadPolicy = "patients.read";
    public const string PatientsReadScope = "patients.read";

    private static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddClinikoIdPTokenValidation(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(ClinikoIdPSettings.Section).Get<ClinikoIdPSettings>() ?? new ClinikoIdPSettings();
        if (!Uri.TryCreate(settings.Authority, UriKind.Absolute, out var issuer))
        {
            throw new InvalidOperationException($"Set {ClinikoIdPSettings.Section}:Authority to the identity provider's issuer URL, e.g. http://localhost:5000/.");
        }

        services.AddOpenIddict()
            .AddValidation(options =>
            {
                // The issuer's discovery document gives the JWKS; keys are cached and re-read when an unknown kid
                // appears, so a key rotation at the IdP needs no restart here.
                options.SetIssuer(issuer);

                // RFC 9068 §4: the token's aud must name this API, or a token minted for another API would be accepted.
                options.AddAudiences(settings.Audience);

                // Deliberately no EnableAuthorizationEntryValidation() or EnableTokenEntryValidation(): both need
                // the IdP's database, and OpenIddict 7.8's authorization-entry check has advisory GHSA-cxgj-hwwh-855g.
                // Signature, issuer, audience, lifetime and typ "at+jwt" are checked locally.
                options.UseSystemNetHttp();
                options.UseAspNetCore();

                // OpenIddict checks exp but not nbf (RFC 7519 §4.1.5): a token that is not valid yet is refused here.
                options.AddEventHandler<OpenIddictValidationEvents.ValidateTokenContext>(handler => handler
                    .UseInlineHandler(context =>
                    {
                        if (long.TryParse(context.Principal?.GetClaim(Claims.NotBefore), out var notBefore)
                            && DateTimeOffset.FromUnixTimeSeconds(notBefore) > DateTimeOffset.UtcNow + AllowedClockSkew)
                        {
                            context.Reject(Errors.InvalidToken, "The access token is not valid yet.");
                        }

                        return default;
                    })
                    .SetOrder(OpenIddictValidationHandlers.Protection.ValidateExpirationDate.Descriptor.Order + 1));
            });

        services.AddAuthentication(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        services.AddAuthorizationBuilder()
            .AddPolicy(PatientsReadPolicy, policy => policy
                .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .RequireAssertion(context => HasScope(context.User, PatientsReadScope)));
        return services;
    }

    // RFC 9068 §2.2.3: "scope" is one space-separated string; OpenIddict exposes each value as its own claim.
    private static bool HasScope(System.Security.Claims.ClaimsPrincipal user, string scope) =>
        user.FindAll(Claims.Private.Scope).Concat(user.FindAll(Claims.Scope))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}
