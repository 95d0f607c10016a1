using System.Buffers.Text;
using System.Security.Cryptography;

namespace ClinikoIdP.TestSupport.WebAuthn;

/// <summary>
/// One passkey held by a <see cref="SoftwareAuthenticator"/>: an ES256 (P-256) key pair scoped to one RP ID and one
/// user handle, with its signature counter, as a platform authenticator keeps it in its secure storage.
/// </summary>
public sealed class SoftwareCredential
{
    private readonly ECParameters key;

    internal SoftwareCredential(byte[] id, string rpId, byte[] userHandle, ECParameters key, uint signCount)
    {
        Id = id;
        RpId = rpId;
        UserHandle = userHandle;
        this.key = key;
        SignCount = signCount;
    }

    /// <summary>The credential ID the authenticator chose at random, as sent back in <c>rawId</c>.</summary>
    public IReadOnlyList<byte> Id { get; }

    /// <summary>The credential ID base64url-encoded, as a browser puts it in the credential's <c>id</c>.</summary>
    public string IdBase64Url => Base64Url.EncodeToString([.. Id]);

    /// <summary>The RP ID the credential was created for; an authenticator only offers it to that RP ID.</summary>
    public string RpId { get; }

    /// <summary>The <c>user.id</c> the server gave at creation, returned as <c>userHandle</c> on every assertion.</summary>
    public IReadOnlyList<byte> UserHandle { get; }

    /// <summary>The signature counter last reported for this credential (0 right after creation).</summary>
    public uint SignCount { get; internal set; }

    /// <summary>The public key as SubjectPublicKeyInfo DER, as a browser reports it in <c>response.publicKey</c>.</summary>
    public byte[] PublicKeySpki()
    {
        using var ecdsa = ECDsa.Create(key);
        return ecdsa.ExportSubjectPublicKeyInfo();
    }

    internal ECPoint PublicPoint => key.Q;

    internal bool HasId(ReadOnlySpan<byte> candidate) => candidate.SequenceEqual([.. Id]);

    internal byte[] Sign(byte[] data)
    {
        using var ecdsa = ECDsa.Create(key);

        // WebAuthn §6.5.5: ES256 assertion signatures are ASN.1 DER Ecdsa-Sig-Value, not the raw r||s of JOSE.
        return ecdsa.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence);
    }

    internal SoftwareCredential Copy() => new([.. Id], RpId, [.. UserHandle], key, SignCount);
}
