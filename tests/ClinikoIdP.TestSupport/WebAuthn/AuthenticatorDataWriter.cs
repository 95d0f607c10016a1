using System.Buffers.Binary;
using System.Formats.Cbor;
using System.Security.Cryptography;
using System.Text;

namespace ClinikoIdP.TestSupport.WebAuthn;

/// <summary>
/// The binary structures an authenticator emits: authenticator data (WebAuthn §6.1), attested credential data
/// (§6.5.1), the COSE_Key of an ES256 public key (RFC 9052 §7, RFC 9053 §7.1.1) and the "none" attestation object
/// (§6.5.4, §8.7), all CBOR in CTAP2 canonical form.
/// </summary>
internal static class AuthenticatorDataWriter
{
    private const byte UserPresent = 0x01;
    private const byte UserVerified = 0x04;
    private const byte BackupEligible = 0x08;
    private const byte BackedUp = 0x10;
    private const byte AttestedCredentialData = 0x40;

    // COSE labels and values: kty 1 = EC2 (2), alg 3 = ES256 (-7), crv -1 = P-256 (1), x -2, y -3.
    internal const int Es256 = -7;

    public static byte Flags(bool userVerified, bool backupEligible, bool backedUp) =>
        (byte)(UserPresent
            | (userVerified ? UserVerified : 0)
            | (backupEligible ? BackupEligible : 0)
            | (backedUp ? BackedUp : 0));

    public static byte[] ForAssertion(string rpId, byte flags, uint signCount)
    {
        var data = new byte[37];
        WriteHeader(data, rpId, flags, signCount);
        return data;
    }

    public static byte[] ForRegistration(string rpId, byte flags, uint signCount, SoftwareCredential credential)
    {
        var coseKey = CoseKey(credential.PublicPoint);
        var id = credential.Id.ToArray();
        var data = new byte[37 + 16 + 2 + id.Length + coseKey.Length];
        WriteHeader(data, rpId, (byte)(flags | AttestedCredentialData), signCount);

        // AAGUID stays all zeros (bytes 37..52): a "none" attestation carries no authenticator model.
        BinaryPrimitives.WriteUInt16BigEndian(data.AsSpan(53), (ushort)id.Length);
        id.CopyTo(data, 55);
        coseKey.CopyTo(data, 55 + id.Length);
        return data;
    }

    public static byte[] AttestationObject(byte[] authenticatorData)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(3);
        writer.WriteTextString("fmt");
        writer.WriteTextString("none");
        writer.WriteTextString("attStmt");
        writer.WriteStartMap(0);
        writer.WriteEndMap();
        writer.WriteTextString("authData");
        writer.WriteByteString(authenticatorData);
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static byte[] CoseKey(ECPoint point)
    {
        var writer = new CborWriter(CborConformanceMode.Ctap2Canonical);
        writer.WriteStartMap(5);
        writer.WriteInt32(1);
        writer.WriteInt32(2);
        writer.WriteInt32(3);
        writer.WriteInt32(Es256);
        writer.WriteInt32(-1);
        writer.WriteInt32(1);
        writer.WriteInt32(-2);
        writer.WriteByteString(point.X ?? throw new InvalidOperationException("No public key."));
        writer.WriteInt32(-3);
        writer.WriteByteString(point.Y ?? throw new InvalidOperationException("No public key."));
        writer.WriteEndMap();
        return writer.Encode();
    }

    private static void WriteHeader(byte[] data, string rpId, byte flags, uint signCount)
    {
        SHA256.HashData(Encoding.UTF8.GetBytes(rpId)).CopyTo(data, 0);
        data[32] = flags;
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(33), signCount);
    }
}
