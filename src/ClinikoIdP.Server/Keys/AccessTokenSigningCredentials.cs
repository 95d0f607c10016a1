using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// Signs access tokens with the active RS256 key, or the active ES256 key when
/// <see cref="AccessTokenSigningOptions.UsesEcdsa"/>. OpenIddict signs every token but identity tokens with its first
/// signing credential, which is the HS256 key kept for codes and refresh tokens (<see cref="ServerKeysConfigurator"/>);
/// access tokens are read by APIs against the JWKS, so they must carry an asymmetric signature.
/// </summary>
public sealed class AccessTokenSigningCredentials(IOptions<AccessTokenSigningOptions> options)
    : IOpenIddictServerHandler<GenerateTokenContext>
{
    public static OpenIddictServerHandlerDescriptor Descriptor { get; } =
        OpenIddictServerHandlerDescriptor.CreateBuilder<GenerateTokenContext>()
            .UseSingletonHandler<AccessTokenSigningCredentials>()
            .SetOrder(OpenIddictServerHandlers.Protection.AttachSecurityCredentials.Descriptor.Order + 500)
            .SetType(OpenIddictServerHandlerType.Custom)
            .Build();

    public ValueTask HandleAsync(GenerateTokenContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // OpenIddict 7 names token types by their RFC 8693 identifiers; older versions used the short hints.
        if (context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeHints.AccessToken)
        {
            var algorithm = options.Value.UsesEcdsa ? SecurityAlgorithms.EcdsaSha256 : SecurityAlgorithms.RsaSha256;
            context.SigningCredentials = context.Options.SigningCredentials.First(credentials => credentials.Algorithm == algorithm);
        }

        return default;
    }
}
