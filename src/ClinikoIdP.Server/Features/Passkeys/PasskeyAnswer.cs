using System.Buffers.Binary;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>
/// The facts of an assertion's authenticator data that ClinikoIdP's own rules read (WebAuthn §6.1): the flags and
/// the signature counter. Identity verifies the signature over the same bytes; this only reads them, to require
/// user verification for passwordless sign-in and to tell a counter that went backwards (a cloned passkey) apart
/// from other failures in the audit trail.
/// </summary>
public sealed record PasskeyAnswer(byte[] CredentialId, byte Flags, uint SignCount)
{
    private const byte UserVerifiedFlag = 0x04;
    private const int RpIdHashLength = 32;

    public bool UserVerified => (Flags & UserVerifiedFlag) != 0;

    /// <summary>Reads the JSON of <c>navigator.credentials.get()</c>; null when it is not shaped like one.</summary>
    public static PasskeyAnswer? Parse(string credentialJson)
    {
        try
        {
            using var document = JsonDocument.Parse(credentialJson, new JsonDocumentOptions { MaxDepth = 16 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("response", out var response) || response.ValueKind != JsonValueKind.Object
                || !response.TryGetProperty("authenticatorData", out var data) || data.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var credentialId = WebEncoders.Base64UrlDecode(id.GetString()!);
            var authenticatorData = WebEncoders.Base64UrlDecode(data.GetString()!);
            if (credentialId.Length is 0 or > 1023 || authenticatorData.Length < RpIdHashLength + 5)
            {
                return null;
            }

            return new PasskeyAnswer(
                credentialId,
                authenticatorData[RpIdHashLength],
                BinaryPrimitives.ReadUInt32BigEndian(authenticatorData.AsSpan(RpIdHashLength + 1, 4)));
        }
        catch (Exception exception) when (exception is JsonException or FormatException)
        {
            return null;
        }
    }
}
