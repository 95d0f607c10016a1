namespace ClinikoIdP.Authentication.BackupCodes;

/// <summary>What a string typed into the one second-factor field looks like.</summary>
public enum TypedCodeKind
{
    Unrecognised,
    TotpCode,
    BackupCode,
}
