using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Connect;

/// <summary>Plain-language descriptions of scopes for the consent page.</summary>
public static class ScopeDescriptions
{
    public static async Task<string> DescribeAsync(IOpenIddictScopeManager scopes, string name, CancellationToken cancellationToken) =>
        name switch
        {
            Scopes.OpenId => "Know who you are (your account identifier)",
            Scopes.Profile => "See your name",
            Scopes.Email => "See your email address",
            Scopes.OfflineAccess => "Stay connected while you are away (refresh tokens)",
            _ => await scopes.FindByNameAsync(name, cancellationToken) is { } scope
                ? await scopes.GetLocalizedDisplayNameAsync(scope, cancellationToken) ?? name
                : name,
        };
}
