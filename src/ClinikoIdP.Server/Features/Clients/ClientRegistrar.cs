using System.Security.Cryptography;
using System.Text.Json;
using ClinikoIdP.Server.Features.Common;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>Registers, lists and removes clinic apps through OpenIddict's application manager (never raw SQL).</summary>
public sealed class ClientRegistrar(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes)
{
    private static readonly string[] DefaultInteractiveScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess];
    private static readonly string[] StandardScopes = [Scopes.OpenId, Scopes.Profile, Scopes.Email, Scopes.OfflineAccess];

    /// <summary>Creates the client and returns the secret to show once (null for a public client).</summary>
    public async Task<string?> CreateAsync(ClientRegistration registration, CancellationToken cancellationToken)
    {
        var descriptor = await DescribeAsync(registration, cancellationToken);
        if (await applications.FindByClientIdAsync(registration.ClientId, cancellationToken) is not null)
        {
            throw new OperationRefusedException($"A client with id '{registration.ClientId}' already exists.");
        }

        await applications.CreateAsync(descriptor, cancellationToken);
        return descriptor.ClientSecret;
    }

    /// <summary>Replaces a confidential client's secret and returns the new one (shown once).</summary>
    public async Task<string> RotateSecretAsync(string clientId, CancellationToken cancellationToken)
    {
        var application = await FindAsync(clientId, cancellationToken);
        if (!await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken))
        {
            throw new OperationRefusedException($"Client '{clientId}' is a public client and has no secret.");
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var secret = GenerateSecret();
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return secret;
    }

    public async Task DeleteAsync(string clientId, CancellationToken cancellationToken)
    {
        // OpenIddict's store deletes the application's authorizations and tokens with it, so nothing it was
        // given stays valid.
        var application = await FindAsync(clientId, cancellationToken);
        await applications.DeleteAsync(application, cancellationToken);
    }

    public async Task<object> FindAsync(string clientId, CancellationToken cancellationToken) =>
        await applications.FindByClientIdAsync(clientId, cancellationToken)
        ?? throw new OperationRefusedException($"No client with id '{clientId}'.");

    public static string GenerateSecret() => Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));

    private async Task<OpenIddictApplicationDescriptor> DescribeAsync(ClientRegistration registration, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(registration.ClientId) || registration.ClientId.Length > 100
            || registration.ClientId.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            throw new OperationRefusedException("The client id must be 1 to 100 characters without spaces.");
        }

        var interactive = registration.RedirectUris.Count > 0;
        if (!interactive && !registration.ClientCredentials)
        {
            throw new OperationRefusedException("Give at least one --redirect-uri (an app users sign in to) or --client-credentials (a machine client).");
        }

        if (registration.Kind == ClientKind.Public && registration.ClientCredentials)
        {
            throw new OperationRefusedException("A public client cannot use client credentials: it has no secret.");
        }

        if (registration.Kind == ClientKind.Confidential && registration.Secret is { Length: < ClientSettings.MinimumSecretLength })
        {
            throw new OperationRefusedException($"The client secret must be at least {ClientSettings.MinimumSecretLength} characters; leave --secret out to have a strong one generated.");
        }

        foreach (var uri in registration.RedirectUris.Concat(registration.PostLogoutRedirectUris)
            .Concat(registration.BackChannelLogoutUri is null ? [] : [registration.BackChannelLogoutUri]))
        {
            if (RedirectUriRules.Check(uri) is { } problem)
            {
                throw new OperationRefusedException($"The URI '{uri}' {problem}.");
            }
        }

        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = registration.ClientId,
            DisplayName = string.IsNullOrWhiteSpace(registration.DisplayName) ? registration.ClientId : registration.DisplayName.Trim(),
            ClientType = registration.Kind == ClientKind.Public ? ClientTypes.Public : ClientTypes.Confidential,
            ClientSecret = registration.Kind == ClientKind.Public ? null : registration.Secret ?? GenerateSecret(),
            ConsentType = registration.ThirdParty ? ConsentTypes.Explicit : ConsentTypes.Implicit,
        };

        descriptor.Permissions.Add(Permissions.Endpoints.Token);
        descriptor.Permissions.Add(Permissions.Endpoints.Revocation);
        if (registration.Kind == ClientKind.Confidential)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Introspection);
        }

        if (interactive)
        {
            descriptor.Permissions.Add(Permissions.Endpoints.Authorization);
            descriptor.Permissions.Add(Permissions.Endpoints.EndSession);
            descriptor.Permissions.Add(Permissions.GrantTypes.AuthorizationCode);
            descriptor.Permissions.Add(Permissions.GrantTypes.RefreshToken);
            descriptor.Permissions.Add(Permissions.ResponseTypes.Code);
            descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            descriptor.RedirectUris.UnionWith(registration.RedirectUris.Select(u => new Uri(u)));
            descriptor.PostLogoutRedirectUris.UnionWith(registration.PostLogoutRedirectUris.Select(u => new Uri(u)));
        }

        if (registration.ClientCredentials)
        {
            descriptor.Permissions.Add(Permissions.GrantTypes.ClientCredentials);
        }

        var allowed = registration.Scopes.Count > 0 ? registration.Scopes : interactive ? DefaultInteractiveScopes : [];
        foreach (var scope in allowed.Distinct(StringComparer.Ordinal))
        {
            if (!StandardScopes.Contains(scope) && await scopes.FindByNameAsync(scope, cancellationToken) is null)
            {
                throw new OperationRefusedException($"Unknown scope '{scope}'. Create it first with: admin scope create --name {scope}");
            }

            if (scope != Scopes.OpenId)
            {
                descriptor.Permissions.Add(Permissions.Prefixes.Scope + scope);
            }
        }

        if (registration.RequireMfa)
        {
            descriptor.Settings[ClientSettings.RequireMfa] = "true";
        }

        if (registration.BackChannelLogoutUri is { } backChannel)
        {
            descriptor.Properties[ClientSettings.BackChannelLogoutUri] = JsonSerializer.SerializeToElement(backChannel);
        }

        return descriptor;
    }
}
