using System.Buffers.Text;
using System.Text.Json;

namespace ClinikoIdP.TestSupport.WebAuthn;

/// <summary>
/// What an authenticator needs from the JSON form of PublicKeyCredentialCreationOptions and
/// PublicKeyCredentialRequestOptions (WebAuthn Level 3 §5.1.10 parseCreationOptionsFromJSON and
/// parseRequestOptionsFromJSON). Accepts the options bare or wrapped as <c>{"publicKey": …}</c>.
/// </summary>
internal sealed record WebAuthnOptions(
    string Challenge,
    string RpId,
    byte[] UserId,
    IReadOnlyList<int> Algorithms,
    IReadOnlyList<byte[]> CredentialIds,
    string? AuthenticatorAttachment)
{
    public static WebAuthnOptions ForCreation(string json, string origin)
    {
        using var document = JsonDocument.Parse(json);
        var options = Unwrap(document.RootElement);
        var rpId = options.TryGetProperty("rp", out var rp) && rp.TryGetProperty("id", out var id)
            ? id.GetString()!
            : OriginHost(origin);

        // §5.4: an empty pubKeyCredParams means the client's defaults, which include ES256.
        var algorithms = options.TryGetProperty("pubKeyCredParams", out var parameters) && parameters.GetArrayLength() > 0
            ? parameters.EnumerateArray()
                .Where(p => p.GetProperty("type").GetString() == "public-key")
                .Select(p => p.GetProperty("alg").GetInt32())
                .ToList()
            : [AuthenticatorDataWriter.Es256];
        var attachment = options.TryGetProperty("authenticatorSelection", out var selection)
            && selection.TryGetProperty("authenticatorAttachment", out var value)
            && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
        return new(
            options.GetProperty("challenge").GetString()!,
            rpId,
            Base64Url.DecodeFromChars(options.GetProperty("user").GetProperty("id").GetString()),
            algorithms,
            Descriptors(options, "excludeCredentials"),
            attachment);
    }

    public static WebAuthnOptions ForRequest(string json, string origin)
    {
        using var document = JsonDocument.Parse(json);
        var options = Unwrap(document.RootElement);

        // §5.5: without rpId the browser uses the caller's origin's effective domain.
        var rpId = options.TryGetProperty("rpId", out var id) && id.ValueKind == JsonValueKind.String
            ? id.GetString()!
            : OriginHost(origin);
        return new(options.GetProperty("challenge").GetString()!, rpId, [], [], Descriptors(options, "allowCredentials"), null);
    }

    private static JsonElement Unwrap(JsonElement root) =>
        root.TryGetProperty("publicKey", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;

    private static List<byte[]> Descriptors(JsonElement options, string name) =>
        options.TryGetProperty(name, out var list) && list.ValueKind == JsonValueKind.Array
            ? [.. list.EnumerateArray().Select(d => Base64Url.DecodeFromChars(d.GetProperty("id").GetString()))]
            : [];

    private static string OriginHost(string origin) => new Uri(origin).Host;
}
