using System.Buffers.Text;
using System.Security.Cryptography;

namespace ClinikoIdP.TestSupport.WebAuthn;

/// <summary>
/// A platform passkey authenticator together with the browser in front of it: takes the options JSON a WebAuthn
/// server sends, answers with the JSON <c>PublicKeyCredential.toJSON()</c> would give the page. ES256 only, "none"
/// attestation, AAGUID all zeros. Settings let a test play a misbehaving or cloned authenticator or a phishing page.
/// </summary>
public sealed class SoftwareAuthenticator
{
    private readonly List<SoftwareCredential> credentials = [];

    /// <summary>Whether the authenticator verified the user (PIN, biometric): the UV flag; true by default.</summary>
    public bool UserVerified { get; set; } = true;

    /// <summary>Whether credentials may be synced to other devices: the BE flag, fixed per credential by the RP.</summary>
    public bool BackupEligible { get; set; }

    /// <summary>Whether credentials are currently synced: the BS flag (only meaningful with BE).</summary>
    public bool BackedUp { get; set; }

    /// <summary>When true the signature counter never moves, as many synced passkeys always report 0.</summary>
    public bool FixedCounter { get; set; }

    /// <summary>The origin the browser reports in clientDataJSON; null reports the origin each call is given.</summary>
    public string? ClaimedOrigin { get; set; }

    /// <summary>The RP ID whose hash goes into authenticator data; null hashes the RP ID from the options.</summary>
    public string? ClaimedRpId { get; set; }

    /// <summary>The credentials this authenticator holds, oldest first.</summary>
    public IReadOnlyList<SoftwareCredential> Credentials => credentials;

    /// <summary>navigator.credentials.create({ publicKey }) then toJSON(): makes a new passkey and returns RegistrationResponseJSON.</summary>
    /// <exception cref="InvalidOperationException">The authenticator refuses, as a browser rejects the promise.</exception>
    public string Create(string creationOptionsJson, string origin)
    {
        var options = WebAuthnOptions.ForCreation(creationOptionsJson, origin);
        if (!options.Algorithms.Contains(AuthenticatorDataWriter.Es256))
        {
            throw new InvalidOperationException("NotSupportedError: the options offer no algorithm this authenticator has (ES256, -7).");
        }

        if (options.AuthenticatorAttachment == "cross-platform")
        {
            throw new InvalidOperationException("NotAllowedError: the options ask for a roaming authenticator; this one is a platform authenticator.");
        }

        // WebAuthn §6.3.2 step 3: an excluded credential present on this authenticator ends the ceremony.
        if (credentials.Any(c => c.RpId == options.RpId && options.CredentialIds.Any(id => c.HasId(id))))
        {
            throw new InvalidOperationException("InvalidStateError: this authenticator already holds a credential the server excluded.");
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var credential = new SoftwareCredential(
            RandomNumberGenerator.GetBytes(RandomNumberGenerator.GetInt32(16, 33)),
            options.RpId,
            options.UserId,
            key.ExportParameters(includePrivateParameters: true),
            signCount: 0);
        credentials.Add(credential);

        var clientData = CredentialJsonWriter.ClientData("webauthn.create", options.Challenge, ClaimedOrigin ?? origin);
        var authenticatorData = AuthenticatorDataWriter.ForRegistration(
            ClaimedRpId ?? options.RpId, Flags(), credential.SignCount, credential);
        var attestationObject = AuthenticatorDataWriter.AttestationObject(authenticatorData);
        return CredentialJsonWriter.Registration(credential, clientData, attestationObject, authenticatorData);
    }

    /// <summary>Same as <see cref="Create"/>, shaped like the browser's promise.</summary>
    public Task<string> CreateAsync(string creationOptionsJson, string origin) =>
        Task.FromResult(Create(creationOptionsJson, origin));

    /// <summary>navigator.credentials.get({ publicKey }) then toJSON(): signs the challenge and returns AuthenticationResponseJSON.</summary>
    /// <remarks>
    /// Picks a credential named in <c>allowCredentials</c>; with none named (a discoverable, passwordless sign-in)
    /// the newest credential for the options' RP ID, as if the user chose it in the account picker.
    /// </remarks>
    /// <exception cref="InvalidOperationException">No credential fits, as a browser rejects with NotAllowedError.</exception>
    public string Get(string requestOptionsJson, string origin)
    {
        var options = WebAuthnOptions.ForRequest(requestOptionsJson, origin);
        var credential = credentials.LastOrDefault(c => c.RpId == options.RpId
                && (options.CredentialIds.Count == 0 || options.CredentialIds.Any(id => c.HasId(id))))
            ?? throw new InvalidOperationException($"NotAllowedError: no credential for RP ID '{options.RpId}' fits the request.");

        if (!FixedCounter)
        {
            credential.SignCount++;
        }

        var clientData = CredentialJsonWriter.ClientData("webauthn.get", options.Challenge, ClaimedOrigin ?? origin);
        var authenticatorData = AuthenticatorDataWriter.ForAssertion(ClaimedRpId ?? options.RpId, Flags(), credential.SignCount);

        // WebAuthn §6.3.3 step 11: the signature covers authenticatorData ‖ SHA-256(clientDataJSON).
        var signature = credential.Sign([.. authenticatorData, .. SHA256.HashData(clientData)]);
        return CredentialJsonWriter.Assertion(credential, clientData, authenticatorData, signature);
    }

    /// <summary>Same as <see cref="Get"/>, shaped like the browser's promise.</summary>
    public Task<string> GetAsync(string requestOptionsJson, string origin) =>
        Task.FromResult(Get(requestOptionsJson, origin));

    /// <summary>A second device holding copies of every private key and counter, as a cloned authenticator would.</summary>
    public SoftwareAuthenticator Clone()
    {
        var clone = new SoftwareAuthenticator
        {
            UserVerified = UserVerified,
            BackupEligible = BackupEligible,
            BackedUp = BackedUp,
            FixedCounter = FixedCounter,
            ClaimedOrigin = ClaimedOrigin,
            ClaimedRpId = ClaimedRpId,
        };
        clone.credentials.AddRange(credentials.Select(c => c.Copy()));
        return clone;
    }

    /// <summary>Sets a credential's signature counter, as a rolled-back or cloned authenticator would report it.</summary>
    public void SetCounter(ReadOnlySpan<byte> credentialId, uint signCount)
    {
        foreach (var credential in credentials)
        {
            if (credential.HasId(credentialId))
            {
                credential.SignCount = signCount;
                return;
            }
        }

        throw new KeyNotFoundException("This authenticator holds no credential with that ID.");
    }

    /// <summary>Sets a credential's signature counter, the credential named by its base64url <c>id</c>.</summary>
    public void SetCounter(string credentialId, uint signCount) =>
        SetCounter(Base64Url.DecodeFromChars(credentialId), signCount);

    private byte Flags() => AuthenticatorDataWriter.Flags(UserVerified, BackupEligible, BackedUp);
}
