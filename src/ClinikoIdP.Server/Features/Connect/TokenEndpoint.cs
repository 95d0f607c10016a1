using ClinikoIdP.Server.Data;
using ClinikoIdP.Server.Features.OrganisationSettings;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>
/// The token endpoint's own decisions (OpenIddict has already authenticated the client, checked PKCE and redeemed
/// the code or refresh token): the user must still be allowed to sign in, and the client-credentials grant
/// issues tokens whose subject is the client itself.
/// </summary>
public static class TokenEndpoint
{
    public static async Task<IResult> HandleAsync(
        HttpContext httpContext,
        IOpenIddictApplicationManager applications,
        UserManager<ClinicUser> users,
        SignInManager<ClinicUser> signInManager,
        TokenPrincipalFactory principals,
        OrganisationSecurity security,
        Passkeys.PasskeyCredentials passkeys,
        ILoggerFactory loggers)
    {
        var request = httpContext.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cancellationToken = httpContext.RequestAborted;

        if (request.IsClientCredentialsGrantType())
        {
            var application = await applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
                ?? throw new InvalidOperationException("The client application cannot be found.");
            var principal = await principals.CreateForClientAsync(request.ClientId!,
                await applications.GetDisplayNameAsync(application, cancellationToken), request.GetScopes(), cancellationToken);
            return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var stored = (await httpContext.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                ?? throw new InvalidOperationException("The code or refresh token principal cannot be retrieved.");
            var user = await users.FindByIdAsync(stored.GetClaim(Claims.Subject) ?? "");
            if (user is null || !await signInManager.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
            {
                Log.TokenRefusedForUser(loggers.CreateLogger(typeof(TokenEndpoint)), stored.GetClaim(Claims.Subject) ?? "?");
                return Refuse(Errors.InvalidGrant, "The account is no longer allowed to sign in.");
            }

            // While the clinic requires two-step verification of everyone, tokens from before it was switched on stop
            // working for a user who has not set it up; signing in again takes them through enrolment.
            if (!user.HasAuthenticator && await security.RequiresTwoFactorAsync(cancellationToken) && !await passkeys.HasAnyAsync(user))
            {
                Log.TokenRefusedWithoutSecondFactor(loggers.CreateLogger(typeof(TokenEndpoint)), user.Id);
                return Refuse(Errors.InvalidGrant,
                    "Two-step verification must be set up for this account: the user must sign in again to set it up.");
            }

            return Results.SignIn(principals.Refresh(stored, user),
                authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        }

        return Refuse(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static IResult Refuse(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
}
