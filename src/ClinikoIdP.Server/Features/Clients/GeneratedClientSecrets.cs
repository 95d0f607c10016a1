namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// The client secrets this request (or command) generated: 256 random bits each. Only these may be stored with a fast
/// hash; a secret an administrator chose, however long, is a person's choice and keeps a password-hashing scheme.
/// </summary>
public sealed class GeneratedClientSecrets
{
    private readonly HashSet<string> generated = new(StringComparer.Ordinal);

    public string New()
    {
        var secret = ClientRegistrar.GenerateSecret();
        generated.Add(secret);
        return secret;
    }

    public bool WasGenerated(string secret) => generated.Contains(secret);
}
