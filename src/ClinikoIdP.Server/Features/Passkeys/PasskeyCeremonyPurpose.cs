namespace ClinikoIdP.Server.Features.Passkeys;

/// <summary>What a WebAuthn ceremony was started for; a ceremony's state is only ever accepted for its own purpose.</summary>
public enum PasskeyCeremonyPurpose
{
    /// <summary>Creating a passkey (attestation).</summary>
    Register,

    /// <summary>Using a passkey of a known person: the second factor, or the phishing-resistant step.</summary>
    Verify,

    /// <summary>Using a discoverable passkey without a password: the person is not known until it answers.</summary>
    Passwordless,
}
