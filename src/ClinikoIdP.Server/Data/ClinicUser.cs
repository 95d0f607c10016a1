using Microsoft.AspNetCore.Identity;

namespace ClinikoIdP.Server.Data;

/// <summary>A member of clinic staff who signs in to ClinikoIdP.</summary>
public sealed class ClinicUser : IdentityUser
{
    public const int MaxDisplayNameLength = 200;

    public string? DisplayName { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The authenticator app's TOTP secret, encrypted with Data Protection; null when none is enrolled.</summary>
    public string? AuthenticatorSecret { get; set; }

    /// <summary>A secret being set up but not yet confirmed with a code; it never counts as a second factor.</summary>
    public string? PendingAuthenticatorSecret { get; set; }

    public DateTimeOffset? AuthenticatorEnrolledAt { get; set; }

    /// <summary>The last accepted TOTP time step: a code at or before it is a replay (NIST SP 800-63B-4 §3.1.4.2).</summary>
    public long? LastTotpStep { get; set; }

    public bool HasAuthenticator => AuthenticatorSecret is not null;
}
