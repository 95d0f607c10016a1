namespace ClinikoIdP.Authentication.Totp;

/// <summary>The result of checking one TOTP code.</summary>
/// <param name="Outcome">What happened.</param>
/// <param name="MatchedStep">
/// The RFC 6238 time step (Unix seconds / 30) the code belongs to; set only when accepted. Store it as
/// the user's last accepted step so the same code cannot be used again.
/// </param>
/// <param name="SkewSteps">
/// When the outcome is <see cref="TotpOutcome.ClockSkewSuspected"/>: how many 30-second steps the
/// phone is ahead (positive) or behind (negative).
/// </param>
public sealed record TotpCheck(TotpOutcome Outcome, long? MatchedStep = null, int? SkewSteps = null)
{
    public static TotpCheck Invalid { get; } = new(TotpOutcome.Invalid);

    public static TotpCheck Replayed { get; } = new(TotpOutcome.Replayed);

    public bool IsAccepted => Outcome == TotpOutcome.Accepted;

    public static TotpCheck Accepted(long matchedStep) => new(TotpOutcome.Accepted, matchedStep);

    public static TotpCheck ClockSkew(int skewSteps) => new(TotpOutcome.ClockSkewSuspected, SkewSteps: skewSteps);
}
