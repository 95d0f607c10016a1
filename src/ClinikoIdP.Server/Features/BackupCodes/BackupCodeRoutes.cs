namespace ClinikoIdP.Server.Features.BackupCodes;

public static class BackupCodeRoutes
{
    public const string Show = "/backup-codes";
    public const string Remaining = "/backup-codes/remaining";
    public const string TempDataKey = "BackupCodes";
}
