namespace ClinikoIdP.Authentication.Totp;

public enum TotpOutcome
{
    Accepted,

    /// <summary>Malformed, or matches no time step near now.</summary>
    Invalid,

    /// <summary>Right code, but its time step was already used (NIST SP 800-63B-4 §3.1.4.2).</summary>
    Replayed,

    /// <summary>
    /// Rejected, but the code belongs to a step a few periods away from the server's clock, so the
    /// phone's clock is probably wrong. Worth telling the person; still a failed attempt.
    /// </summary>
    ClockSkewSuspected,
}
