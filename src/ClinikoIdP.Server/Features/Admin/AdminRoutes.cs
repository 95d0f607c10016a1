namespace ClinikoIdP.Server.Features.Admin;

/// <summary>The console's pages, shared with the navigation and the tests.</summary>
public static class AdminRoutes
{
    public const string Dashboard = "/admin";
    public const string Clients = "/admin/clients";
    public const string Scopes = "/admin/scopes";
    public const string Staff = "/admin/staff";
    public const string Settings = "/admin/settings";
    public const string Email = "/admin/email";
    public const string Keys = "/admin/keys";
    public const string Audit = "/admin/audit";
}
