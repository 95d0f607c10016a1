using ClinikoIdP.Server.Keys;

namespace ClinikoIdP.Server.Features.Admin.Keys;

/// <summary>The two kinds of token key as the console names them in addresses and words.</summary>
public static class KeyUses
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    /// <summary>The stored use ("sig" or "enc") for a name in the address, or null for anything else.</summary>
    public static string? ToStored(string? name) => name switch
    {
        Signing => SigningKeyRecord.SigningUse,
        Encryption => SigningKeyRecord.EncryptionUse,
        _ => null,
    };

    public static string Describe(string storedUse) => storedUse == SigningKeyRecord.SigningUse ? "signing" : "encryption";
}
