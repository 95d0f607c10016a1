namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>The filters of the staff list, as they appear in its address (the dashboard links to them).</summary>
public static class StaffFilters
{
    public const string Locked = "locked";
    public const string WithoutTwoFactor = "without-2fa";
    public const string Administrators = "admins";

    /// <summary>Invited and not yet accepted (no password chosen).</summary>
    public const string Invited = "invited";

    public static bool IsKnown(string? filter) => filter is Locked or WithoutTwoFactor or Administrators or Invited;
}
