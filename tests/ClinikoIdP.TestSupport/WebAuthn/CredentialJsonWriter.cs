using System.Buffers.Text;
using System.Text;
using System.Text.Json;

namespace ClinikoIdP.TestSupport.WebAuthn;

/// <summary>
/// Writes what <c>PublicKeyCredential.toJSON()</c> returns in a browser: RegistrationResponseJSON and
/// AuthenticationResponseJSON (WebAuthn Level 3 §5.1), binary members base64url-encoded, and the client data the
/// browser itself collects (§5.8.1).
/// </summary>
internal static class CredentialJsonWriter
{
    public static byte[] ClientData(string type, string challenge, string origin)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("type", type);
            writer.WriteString("challenge", challenge);
            writer.WriteString("origin", origin);
            writer.WriteBoolean("crossOrigin", false);
            writer.WriteEndObject();
        }

        return stream.ToArray();
    }

    public static string Registration(
        SoftwareCredential credential, byte[] clientData, byte[] attestationObject, byte[] authenticatorData) =>
        Write(credential, writer =>
        {
            writer.WriteString("clientDataJSON", Base64Url.EncodeToString(clientData));
            writer.WriteString("attestationObject", Base64Url.EncodeToString(attestationObject));
            writer.WriteStartArray("transports");
            writer.WriteStringValue("internal");
            writer.WriteEndArray();
            writer.WriteNumber("publicKeyAlgorithm", AuthenticatorDataWriter.Es256);
            writer.WriteString("publicKey", Base64Url.EncodeToString(credential.PublicKeySpki()));
            writer.WriteString("authenticatorData", Base64Url.EncodeToString(authenticatorData));
        });

    public static string Assertion(
        SoftwareCredential credential, byte[] clientData, byte[] authenticatorData, byte[] signature) =>
        Write(credential, writer =>
        {
            writer.WriteString("clientDataJSON", Base64Url.EncodeToString(clientData));
            writer.WriteString("authenticatorData", Base64Url.EncodeToString(authenticatorData));
            writer.WriteString("signature", Base64Url.EncodeToString(signature));
            writer.WriteString("userHandle", Base64Url.EncodeToString([.. credential.UserHandle]));
        });

    private static string Write(SoftwareCredential credential, Action<Utf8JsonWriter> writeResponse)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("id", credential.IdBase64Url);
            writer.WriteString("rawId", credential.IdBase64Url);
            writer.WriteString("type", "public-key");
            writer.WriteStartObject("response");
            writeResponse(writer);
            writer.WriteEndObject();
            writer.WriteString("authenticatorAttachment", "platform");
            writer.WriteStartObject("clientExtensionResults");
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
