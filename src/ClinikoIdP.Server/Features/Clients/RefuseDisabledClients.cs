using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// Refuses a client an administrator has turned off (<see cref="ClientSettings.Disabled"/>) with
/// <c>unauthorized_client</c> (RFC 6749 §4.1.2.1, §5.2). At the authorization endpoint it runs before OpenIddict
/// has accepted the redirect URI, so the user reads the reason on ClinikoIdP's error page and is not redirected.
/// At the token endpoint it runs after the client has authenticated, so only the client itself learns it is off;
/// that covers code redemption, refresh tokens and client credentials alike.
/// </summary>
public sealed class RefuseDisabledClients(IOpenIddictApplicationManager applications) :
    IOpenIddictServerHandler<ValidateAuthorizationRequestContext>,
    IOpenIddictServerHandler<ValidateTokenRequestContext>
{
    public const string Description = "This app has been turned off by your clinic's administrator.";

    public static OpenIddictServerHandlerDescriptor AtAuthorizationEndpoint { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateAuthorizationRequestContext>()
            .UseScopedHandler<RefuseDisabledClients>()
            .SetOrder(OpenIddictServerHandlers.Authentication.ValidateAuthentication.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public static OpenIddictServerHandlerDescriptor AtTokenEndpoint { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<ValidateTokenRequestContext>()
            .UseScopedHandler<RefuseDisabledClients>()
            .SetOrder(OpenIddictServerHandlers.Exchange.ValidateAuthentication.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(ValidateAuthorizationRequestContext context) => RefuseIfDisabledAsync(context, context?.ClientId);

    public ValueTask HandleAsync(ValidateTokenRequestContext context) => RefuseIfDisabledAsync(context, context?.ClientId);

    private async ValueTask RefuseIfDisabledAsync(BaseValidatingContext? context, string? clientId)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrEmpty(clientId)
            || await applications.FindByClientIdAsync(clientId, context.CancellationToken) is not { } application)
        {
            return;
        }

        if (RegisteredClient.IsDisabled(await applications.GetPropertiesAsync(application, context.CancellationToken)))
        {
            context.Reject(error: Errors.UnauthorizedClient, description: Description);
        }
    }
}
