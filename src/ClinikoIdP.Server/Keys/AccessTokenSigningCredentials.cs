using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace ClinikoIdP.Server.Keys;

/// <summary>
/// Signs access tokens with the active ES256 key when <see cref="AccessTokenSigningOptions.UsesEcdsa"/>. OpenIddict
/// signs every token with its first signing credential (identity tokens with the first asymmetric one), and
/// <see cref="ServerKeysConfigurator"/> puts the RSA keys first, so only access tokens change here.
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
        if (options.Value.UsesEcdsa && context.TokenType is TokenTypeIdentifiers.AccessToken or TokenTypeHints.AccessToken)
        {
            context.SigningCredentials = context.Options.SigningCredentials.First(
                credentials => credentials.Algorithm == SecurityAlgorithms.EcdsaSha256);
        }

        return default;
    }
}
