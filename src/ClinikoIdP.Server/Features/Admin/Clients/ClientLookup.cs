using ClinikoIdP.Server.Features.Clients;
using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Admin.Clients;

/// <summary>Finds the client a console address names.</summary>
public static class ClientLookup
{
    public static async Task<(object Application, RegisteredClient Client)?> FindAsync(
        IOpenIddictApplicationManager applications, string? clientId, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(clientId) || clientId.Length > 3 * ClientSettings.MaxClientIdLength)
        {
            return null;
        }

        // The server leaves an escaped "/" (%2F) escaped in a path segment; ids made on the command line may contain one.
        var application = await applications.FindByClientIdAsync(clientId, cancellationToken)
            ?? (clientId.Contains("%2F", StringComparison.OrdinalIgnoreCase)
                ? await applications.FindByClientIdAsync(clientId.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase), cancellationToken)
                : null);
        return application is null ? null : (application, await RegisteredClient.ReadAsync(applications, application, cancellationToken));
    }
}
