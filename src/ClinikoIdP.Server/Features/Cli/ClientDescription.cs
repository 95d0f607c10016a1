using OpenIddict.Abstractions;

namespace ClinikoIdP.Server.Features.Cli;

/// <summary>Prints a client's registration (never its secret: only a hash is stored).</summary>
internal static class ClientDescription
{
    public static async Task WriteAsync(IOpenIddictApplicationManager applications, object application, TextWriter output, CancellationToken ct)
    {
        await output.WriteLineAsync($"Client id:       {await applications.GetClientIdAsync(application, ct)}");
        await output.WriteLineAsync($"Display name:    {await applications.GetDisplayNameAsync(application, ct)}");
        await output.WriteLineAsync($"Type:            {await applications.GetClientTypeAsync(application, ct)}");
        await output.WriteLineAsync($"Consent:         {await applications.GetConsentTypeAsync(application, ct)}");
        foreach (var uri in await applications.GetRedirectUrisAsync(application, ct))
        {
            await output.WriteLineAsync($"Redirect URI:    {uri}");
        }

        foreach (var uri in await applications.GetPostLogoutRedirectUrisAsync(application, ct))
        {
            await output.WriteLineAsync($"Post-logout URI: {uri}");
        }

        if (await applications.GetJsonWebKeySetAsync(application, ct) is { Keys.Count: > 0 } keys)
        {
            await output.WriteLineAsync($"Assertion keys:  {keys.Keys.Count} (private_key_jwt): {string.Join(", ", keys.Keys.Select(k => $"{k.Kty} {k.Kid}".Trim()))}");
        }

        foreach (var permission in await applications.GetPermissionsAsync(application, ct))
        {
            await output.WriteLineAsync($"Permission:      {permission}");
        }

        foreach (var (name, value) in await applications.GetSettingsAsync(application, ct))
        {
            await output.WriteLineAsync($"Setting:         {name} = {value}");
        }

        foreach (var (name, value) in await applications.GetPropertiesAsync(application, ct))
        {
            await output.WriteLineAsync($"Property:        {name} = {value}");
        }
    }
}
