namespace ClinikoIdP.Server.Features.Operations.Telemetry;

/// <summary>Values of the <c>method</c> label of the second-factor counters.</summary>
public static class SecondFactorMethods
{
    public const string Totp = "totp";
    public const string BackupCode = "backup_code";
    public const string Passkey = "passkey";
    public const string Unrecognised = "unrecognised";
}
