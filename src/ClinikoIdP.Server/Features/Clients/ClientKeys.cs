using Microsoft.IdentityModel.Tokens;

namespace ClinikoIdP.Server.Features.Clients;

/// <summary>
/// The public keys a client signs its client assertions with (<c>private_key_jwt</c>, RFC 7523; what OpenIddict
/// recommends over secrets since 7.3): only the client holds the private half, so nothing the server stores could
/// authenticate as it. A key set is refused unless every key is public, RSA of at least 2048 bits or EC on a NIST
/// curve, and there are at most <see cref="MaximumKeys"/> (room to roll one key over while the other still works).
/// </summary>
public static class ClientKeys
{
    public const int MaximumKeys = 5;

    /// <summary>Reads a JWKS document; throws <see cref="ArgumentException"/> with a reason a person can act on.</summary>
    public static JsonWebKeySet Parse(string json)
    {
        JsonWebKeySet set;
        try
        {
            set = new JsonWebKeySet(json);
        }
        catch (Exception invalid) when (invalid is ArgumentException or System.Text.Json.JsonException or InvalidOperationException)
        {
            throw new ArgumentException("The file is not a JSON Web Key Set ({\"keys\": [...]}).", invalid);
        }

        if (set.Keys.Count is 0 or > MaximumKeys)
        {
            throw new ArgumentException($"A client's key set must hold between 1 and {MaximumKeys} keys; this one holds {set.Keys.Count}.");
        }

        foreach (var key in set.Keys)
        {
            Check(key);
        }

        return set;
    }

    private static void Check(JsonWebKey key)
    {
        var name = string.IsNullOrEmpty(key.Kid) ? "a key without kid" : $"key '{key.Kid}'";
        if (HoldsPrivateMaterial(key))
        {
            throw new ArgumentException($"The key set holds private key material ({name}): give only the public keys; the private key never leaves the app.");
        }

        if (!string.IsNullOrEmpty(key.Use) && key.Use != JsonWebKeyUseNames.Sig)
        {
            throw new ArgumentException($"{name} is marked for \"{key.Use}\"; client assertion keys must be signing keys (\"use\": \"sig\").");
        }

        switch (key.Kty)
        {
            case JsonWebAlgorithmsKeyTypes.RSA when ModulusBits(key) >= 2048:
            case JsonWebAlgorithmsKeyTypes.EllipticCurve when key.Crv is JsonWebKeyECTypes.P256 or JsonWebKeyECTypes.P384 or JsonWebKeyECTypes.P521:
                return;
            default:
                throw new ArgumentException($"{name} is not accepted: use RSA keys of at least 2048 bits or EC keys on P-256, P-384 or P-521.");
        }
    }

    private static int ModulusBits(JsonWebKey key)
    {
        try
        {
            return Base64UrlEncoder.DecodeBytes(key.N ?? "").Length * 8;
        }
        catch (FormatException)
        {
            return 0;
        }
    }

    // Any of these members means private (or symmetric) key material.
    private static bool HoldsPrivateMaterial(JsonWebKey key) =>
        new[] { key.D, key.P, key.Q, key.DP, key.DQ, key.QI, key.K }.Any(value => !string.IsNullOrEmpty(value)) || key.Oth.Count > 0;
}
