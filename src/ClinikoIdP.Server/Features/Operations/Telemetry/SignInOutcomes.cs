namespace ClinikoIdP.Server.Features.Operations.Telemetry;

/// <summary>Values of the <c>outcome</c> label of <c>clinikoidp.sign_ins</c>.</summary>
public static class SignInOutcomes
{
    public const string Succeeded = "succeeded";
    public const string SecondFactorRequired = "second_factor_required";
    public const string Failed = "failed";
    public const string LockedOut = "locked_out";
}
