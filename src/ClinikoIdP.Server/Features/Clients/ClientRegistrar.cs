using System.Security.Cryptography;
using System.Text.Json;
using ClinikoIdP.Server.Features.Common;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>Registers, changes and removes clinic apps through OpenIddict's application manager (never raw SQL).</summary>
public sealed class ClientRegistrar(
    IOpenIddictApplicationManager applications,
    IOpenIddictScopeManager scopes,
    GeneratedClientSecrets generatedSecrets)
{
    /// <summary>Every reason the registration would be refused; <paramref name="isNew"/> also checks the client id is free.</summary>
    public async Task<IReadOnlyList<ClientProblem>> CheckAsync(ClientRegistration registration, bool isNew, CancellationToken cancellationToken)
    {
        var problems = ClientRegistrationRules.Check(registration).ToList();
        foreach (var scope in ClientDescriptors.AllowedScopes(registration))
        {
            if (!ClientDescriptors.StandardScopes.Contains(scope) && await scopes.FindByNameAsync(scope, cancellationToken) is null)
            {
                problems.Add(new(ClientField.Scopes,
                    $"Unknown scope '{scope}'. Create it first (Scopes & APIs in the console, or: admin scope create --name {scope})."));
            }
        }

        if (isNew && problems.All(p => p.Field != ClientField.ClientId)
            && await applications.FindByClientIdAsync(registration.ClientId, cancellationToken) is not null)
        {
            problems.Add(new(ClientField.ClientId, $"A client with id '{registration.ClientId}' already exists."));
        }

        return problems;
    }

    /// <summary>Creates the client and returns the secret to show once (null for a public client).</summary>
    public async Task<string?> CreateAsync(ClientRegistration registration, CancellationToken cancellationToken)
    {
        await EnsureAcceptedAsync(registration, isNew: true, cancellationToken);
        var descriptor = new OpenIddictApplicationDescriptor();
        ClientDescriptors.Apply(descriptor, registration);
        descriptor.ClientSecret = registration.Kind == ClientKind.Public ? null : registration.Secret ?? generatedSecrets.New();
        await applications.CreateAsync(descriptor, cancellationToken);
        return descriptor.ClientSecret;
    }

    /// <summary>
    /// Replaces what the registration decides (the client id stays). A public client made confidential gets a new
    /// secret, returned to be shown once; a confidential client made public loses its secret. Otherwise returns null.
    /// </summary>
    public async Task<string?> UpdateAsync(string clientId, ClientRegistration registration, CancellationToken cancellationToken)
    {
        var application = await FindAsync(clientId, cancellationToken);
        registration = registration with { ClientId = clientId, Secret = null };
        await EnsureAcceptedAsync(registration, isNew: false, cancellationToken);

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        var wasPublic = descriptor.ClientType == ClientTypes.Public;
        ClientDescriptors.Apply(descriptor, registration);

        string? issued = null;
        if (registration.Kind == ClientKind.Public)
        {
            descriptor.ClientSecret = null;
        }
        else if (wasPublic || string.IsNullOrEmpty(descriptor.ClientSecret))
        {
            descriptor.ClientSecret = issued = generatedSecrets.New();
        }

        // The stored secret is a hash: handing it back unchanged keeps it, as OpenIddict compares before re-hashing.
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return issued;
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
        var secret = generatedSecrets.New();
        descriptor.ClientSecret = secret;
        await applications.UpdateAsync(application, descriptor, cancellationToken);
        return secret;
    }

    /// <summary>
    /// Gives a confidential client the public keys it signs client assertions with (<see cref="ClientKeys"/>), or
    /// takes them away (null). With <paramref name="keysOnly"/> the secret is replaced by a generated one that is
    /// never shown, so from then on only a signed assertion authenticates the client.
    /// </summary>
    public async Task SetKeysAsync(string clientId, JsonWebKeySet? keys, bool keysOnly, CancellationToken cancellationToken)
    {
        var application = await FindAsync(clientId, cancellationToken);
        if (!await applications.HasClientTypeAsync(application, ClientTypes.Confidential, cancellationToken))
        {
            throw new OperationRefusedException($"Client '{clientId}' is a public client: only confidential clients authenticate with keys.");
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.JsonWebKeySet = keys;
        if (keysOnly)
        {
            descriptor.ClientSecret = generatedSecrets.New();
        }

        await applications.UpdateAsync(application, descriptor, cancellationToken);
    }

    /// <summary>Turns the client off or on again; while off, the authorization and token endpoints refuse it.</summary>
    public async Task SetEnabledAsync(string clientId, bool enabled, CancellationToken cancellationToken)
    {
        var application = await FindAsync(clientId, cancellationToken);
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application, cancellationToken);
        descriptor.Properties.Remove(ClientSettings.Disabled);
        if (!enabled)
        {
            descriptor.Properties[ClientSettings.Disabled] = JsonSerializer.SerializeToElement(true);
        }

        await applications.UpdateAsync(application, descriptor, cancellationToken);
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

    private async Task EnsureAcceptedAsync(ClientRegistration registration, bool isNew, CancellationToken cancellationToken)
    {
        var problems = await CheckAsync(registration, isNew, cancellationToken);
        if (problems.Count > 0)
        {
            throw new OperationRefusedException(problems[0].Message);
        }
    }
}
