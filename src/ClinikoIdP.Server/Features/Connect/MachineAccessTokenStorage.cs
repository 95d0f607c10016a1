using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>
/// Leaves the access tokens of the client-credentials grant out of the token table (unless
/// <see cref="MachineTokenOptions.StoreClientCredentialsAccessTokens"/>). They are self-contained signed JWTs that APIs
/// check against the JWKS, they expire within <c>IdP:AccessTokenLifetime</c>, and no user, session or sign-out can
/// ever revoke them, so a row per request only costs a database write (and, on SQLite, a disk flush) on the
/// busiest machine-to-machine path. Introspection still answers for them from their signature and lifetime.
/// Tokens issued to people (codes, refresh, access and identity tokens) are always stored: sign-out, password
/// changes and a second-factor reset revoke them.
/// </summary>
public sealed class MachineAccessTokenStorage(IOptions<MachineTokenOptions> options) : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<MachineAccessTokenStorage>()
            .SetOrder(OpenIddictServerHandlers.Protection.CreateTokenEntry.Descriptor.Order - 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (!options.Value.StoreClientCredentialsAccessTokens
            && context.EndpointType == OpenIddictServerEndpointType.Token
            && context.Request is { } request && request.IsClientCredentialsGrantType()
            && context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeHints.AccessToken
            && !context.IsReferenceToken)
        {
            context.CreateTokenEntry = false;
        }

        return default;
    }
}

/// <summary>The part of the <c>IdP</c> section that decides which machine tokens are stored.</summary>
public sealed class MachineTokenOptions
{
    /// <summary>Store a row for every client-credentials access token (off: see <see cref="MachineAccessTokenStorage"/>).</summary>
    public bool StoreClientCredentialsAccessTokens { get; set; }
}
