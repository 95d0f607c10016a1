using System.Text.Json;
using Microsoft.Playwright;

namespace ClinikoIdP.EndToEndTests.Infrastructure;

/// <summary>
/// Chromium's DevTools virtual authenticator (the WebAuthn domain of the Chrome DevTools Protocol): a platform
/// authenticator with a fingerprint reader that always recognises the person, so navigator.credentials answers
/// without any prompt. It belongs to one page; <see cref="CopyToAsync"/> carries its passkeys to another browser.
/// </summary>
public sealed class VirtualAuthenticator
{
    private readonly ICDPSession session;
    private readonly string id;

    private VirtualAuthenticator(ICDPSession session, string id)
    {
        this.session = session;
        this.id = id;
    }

    public static async Task<VirtualAuthenticator> AttachAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var session = await page.Context.NewCDPSessionAsync(page);
        await session.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["ctap2Version"] = "ctap2_1",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>The passkeys this authenticator holds, as DevTools describes them (private keys included).</summary>
    public async Task<IReadOnlyList<JsonElement>> CredentialsAsync()
    {
        var result = await session.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = id });
        return [.. result!.Value.GetProperty("credentials").EnumerateArray().Select(c => c.Clone())];
    }

    /// <summary>Puts copies of this authenticator's passkeys into another one (the same person's other browser profile).</summary>
    public async Task CopyToAsync(VirtualAuthenticator other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var credential in await CredentialsAsync())
        {
            var copy = JsonSerializer.Deserialize<Dictionary<string, object>>(credential.GetRawText())!;
            await other.session.SendAsync("WebAuthn.addCredential", new Dictionary<string, object>
            {
                ["authenticatorId"] = other.id,
                ["credential"] = copy,
            });
        }
    }
}
