namespace ClinikoIdP.Server.Features.Admin.Staff;

/// <summary>The staff pages' addresses, shared with the pages' links and the tests.</summary>
public static class StaffRoutes
{
    public const string List = AdminRoutes.Staff;
    public const string New = AdminRoutes.Staff + "/new";
    public const string Invite = AdminRoutes.Staff + "/invite";

    public static string Member(string id) => $"{AdminRoutes.Staff}/{Uri.EscapeDataString(id)}";

    public static string Lock(string id) => Member(id) + "/lock";

    public static string ResetTwoFactor(string id) => Member(id) + "/reset-2fa";

    public static string CancelInvitation(string id) => Member(id) + "/cancel-invitation";

    public static string EndSession(string id, string sessionId) => $"{Member(id)}/sessions/{Uri.EscapeDataString(sessionId)}/end";

    public static string EndAllSessions(string id) => Member(id) + "/sessions/end-all";

    public static string ForgetComputers(string id) => Member(id) + "/computers/forget-all";

    public static string RevokeApp(string id, string applicationId) => $"{Member(id)}/apps/{Uri.EscapeDataString(applicationId)}/revoke";

    /// <summary>The audit trail filtered to one staff member (the audit page reads <c>?user=</c>).</summary>
    public static string AuditOf(string id) => $"{AdminRoutes.Audit}?user={Uri.EscapeDataString(id)}";
}
